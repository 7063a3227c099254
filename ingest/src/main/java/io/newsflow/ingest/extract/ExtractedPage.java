package io.newsflow.ingest.extract;

/**
 * What {@link MainTextExtractor} reads from an article page.
 *
 * @param title       the headline (Open Graph title, the first h1, or the document title), or an empty string
 * @param text        the main text, paragraphs separated by a blank line
 * @param url         the page's canonical URL ({@code link rel=canonical}, {@code og:url}) or the base URL, or null
 * @param published   the publication time as the page states it (ISO 8601 text from meta tags, {@code time} or JSON-LD), or null
 * @param language    the language the page declares ({@code html lang}), or null
 * @param siteName    the outlet the page names ({@code og:site_name}, JSON-LD publisher), or null
 * @param author      the author the page names, or null
 */
public record ExtractedPage(String title, String text, String url, String published, String language,
                            String siteName, String author) {
}
