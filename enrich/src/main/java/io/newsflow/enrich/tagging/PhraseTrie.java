package io.newsflow.enrich.tagging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-word phrases keyed by folded tokens; finds the longest phrase starting at a token in one walk,
 * so thousands of names cost one hash lookup per token, not one regex each.
 */
final class PhraseTrie<V> {

    private final Node<V> root = new Node<>();

    private static final class Node<V> {
        final Map<String, Node<V>> next = new HashMap<>(4);
        V value;
    }

    void put(List<String> foldedTokens, V value) {
        Node<V> node = root;
        for (String t : foldedTokens) {
            node = node.next.computeIfAbsent(t, k -> new Node<>());
        }
        node.value = value;
    }

    V get(List<String> foldedTokens) {
        Node<V> node = root;
        for (String t : foldedTokens) {
            node = node.next.get(t);
            if (node == null) {
                return null;
            }
        }
        return node.value;
    }

    /** The longest phrase at {@code from}, as (end exclusive, value), or null. */
    Match<V> longestAt(List<Token> tokens, int from) {
        Node<V> node = root;
        Match<V> best = null;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i > from && t.lineBreak()) {
                break;
            }
            node = node.next.get(t.folded());
            if (node == null) {
                break;
            }
            if (node.value != null) {
                best = new Match<>(from, i + 1, node.value);
            }
        }
        return best;
    }

    record Match<V>(int start, int end, V value) {
    }
}
