package io.newsflow.enrich.grouping.text;

import java.util.Set;

/** English function words, and calendar words that are capitalised without being names. */
public final class Stopwords {

    private static final Set<String> WORDS = Set.copyOf(java.util.List.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
            "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
            "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further",
            "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
            "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself",
            "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
            "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
            "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
            "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
            "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
            "said", "says", "say", "told", "according", "would", "may", "might", "must", "shall", "us", "mr",
            "mrs", "ms", "dr", "new", "one", "two", "also", "however", "since", "still", "yet", "many", "much",
            "well", "even", "like", "get", "got", "make", "made", "last", "first", "year", "years", "time",
            "week", "day", "days", "people", "including", "news", "report", "reported", "reports", "reuters",
            "ap", "afp", "am", "pm", "et", "est", "gmt", "edt", "pdt", "pst", "via", "per", "another", "there's",
            "it's", "he's", "she's", "that's", "don't", "didn't", "won't", "can't", "isn't", "wasn't"));

    private static final Set<String> CALENDAR = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "today", "yesterday", "tomorrow");

    private Stopwords() {
    }

    public static boolean contains(String lowerWord) {
        return WORDS.contains(lowerWord);
    }

    public static boolean isCalendarWord(String lowerWord) {
        return CALENDAR.contains(lowerWord);
    }
}
