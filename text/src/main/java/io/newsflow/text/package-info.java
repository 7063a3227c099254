/**
 * Rules on article text that ingest and enrich share, so that each exists once: which lines are page chrome
 * ({@link io.newsflow.text.PageChrome}) and how words are counted. Pure functions of strings; uses the JDK only.
 */
package io.newsflow.text;
