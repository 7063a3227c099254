package io.newsflow.ingest.feeds.parsing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Mends, on a leniently parsed tree, the structural slips that make Rome give up on a feed a
 * person would call readable: an RSS root without a channel, an unknown RSS version, namespace
 * URIs padded with spaces or spelled the old way, Atom links without href.
 */
final class FeedStructureRepair {

    private static final Set<String> ROME_RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");
    /** Namespace URIs seen in the wild for RSS 0.90, mapped to the one Rome knows. */
    private static final java.util.Map<String, String> NAMESPACE_ALIASES = java.util.Map.of(
            "http://channel.netscape.com/rdf/simple/0.9/", "http://my.netscape.com/rdf/simple/0.9/");

    private FeedStructureRepair() {
    }

    static void mend(Document document, List<String> repairs) {
        Element root = document.children().first();
        if (root == null) {
            return;
        }
        trimNamespaceUris(document, repairs);
        String name = root.tagName().toLowerCase(Locale.ROOT);
        if (name.equals("rss")) {
            String version = root.attr("version").trim();
            if (!ROME_RSS_VERSIONS.contains(version) && !version.startsWith("2.0")) {
                root.attr("version", "2.0");
                repairs.add("RSS version '" + version + "' read as 2.0");
            }
            addChannelIfMissing(root, repairs);
        } else if (name.endsWith("rdf")) {
            addChannelIfMissing(root, repairs);
        } else if (name.equals("feed")) {
            for (Element link : root.getElementsByTag("link")) {
                if (link.attr("href").isBlank()) {
                    link.remove();
                    addOnce(repairs, "Atom link without href dropped");
                }
            }
        }
    }

    private static void addChannelIfMissing(Element root, List<String> repairs) {
        for (Element child : root.children()) {
            if (localName(child).equalsIgnoreCase("channel")) {
                return;
            }
        }
        root.prependElement("channel");
        repairs.add("missing channel added");
    }

    private static void trimNamespaceUris(Document document, List<String> repairs) {
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey();
                if (!(key.equals("xmlns") || key.startsWith("xmlns:"))) {
                    continue;
                }
                if (!attribute.getValue().equals(attribute.getValue().trim())) {
                    attribute.setValue(attribute.getValue().trim());
                    addOnce(repairs, "namespace URIs trimmed");
                }
                String alias = NAMESPACE_ALIASES.get(attribute.getValue());
                if (alias != null) {
                    attribute.setValue(alias);
                    addOnce(repairs, "namespace " + key + " read as " + alias);
                }
            }
        }
    }

    private static String localName(Element element) {
        String tag = element.tagName();
        int colon = tag.indexOf(':');
        return colon < 0 ? tag : tag.substring(colon + 1);
    }

    private static void addOnce(List<String> repairs, String repair) {
        if (!repairs.contains(repair)) {
            repairs.add(repair);
        }
    }
}
