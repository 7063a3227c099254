package io.newsflow.ingest.text;

import java.time.Instant;

/**
 * What a plain-text article says about itself once its page chrome is cut away.
 *
 * @param title       the headline, or an empty string when the text starts with its first sentence
 * @param body        the article's paragraphs, separated by a blank line
 * @param url         a URL the text gives on a line of its own, or null
 * @param publishedAt the publication time from a date line ("Published: Jun 19, 2024 11:36 PM"), or null
 * @param source      the outlet named in a footer, byline, e-mail domain or "told the ..." phrase, or null
 * @param byline      the author from a "By ..." line, or null
 * @param editor      the editor from an "Editor: ..." credit, or null
 */
public record PlainTextArticle(String title, String body, String url, Instant publishedAt, String source,
                               String byline, String editor) {
}
