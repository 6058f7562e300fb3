package org.ketaminecds.workbench;

import java.util.List;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A card's detail as the workbench page shows it: its Markdown rendered by commonmark-java (the
 * CommonMark reference implementation for Java) rather than by a renderer of ours. Raw HTML in the
 * Markdown is escaped, never passed on, and link URLs are sanitised (only http, https, mailto and
 * data images), so that a pasted chart's text cannot put markup or script into the page; links open
 * in a new tab without access to the page. Parser and renderer are immutable and thread-safe.
 */
final class CardMarkdown {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .attributeProviderFactory(
              context ->
                  (node, tagName, attributes) -> {
                    if (node instanceof Link) {
                      attributes.put("target", "_blank");
                      attributes.put("rel", "noopener noreferrer");
                    }
                  })
          .build();

  private CardMarkdown() {}

  static String html(String markdown) {
    return markdown == null ? null : RENDERER.render(PARSER.parse(markdown));
  }

  static List<String> html(List<String> markdown) {
    // Stream.toList keeps the nulls of cards without a detail, index for index.
    return markdown.stream().map(CardMarkdown::html).toList();
  }
}
