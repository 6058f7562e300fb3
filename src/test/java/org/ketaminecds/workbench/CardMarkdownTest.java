package org.ketaminecds.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Card Markdown as the workbench shows it: examples of the CommonMark specification (0.30) for what
 * cards use, raw HTML and unsafe URLs made harmless, and every card text of {@code rules/}.
 */
class CardMarkdownTest {

  static Stream<Arguments> commonMarkExamples() {
    return Stream.of(
        // Emphasis and strong emphasis (spec examples 350, 378)
        Arguments.of("*foo bar*", "<p><em>foo bar</em></p>\n"),
        Arguments.of("**foo bar**", "<p><strong>foo bar</strong></p>\n"),
        // Code spans (328)
        Arguments.of("`foo`", "<p><code>foo</code></p>\n"),
        // Hard line breaks (633, 634)
        Arguments.of("foo  \nbaz", "<p>foo<br />\nbaz</p>\n"),
        Arguments.of("foo\\\nbaz", "<p>foo<br />\nbaz</p>\n"),
        // Lists (301)
        Arguments.of(
            "- foo\n- bar\n+ baz",
            "<ul>\n<li>foo</li>\n<li>bar</li>\n</ul>\n<ul>\n<li>baz</li>\n</ul>\n"),
        // ATX heading (62)
        Arguments.of("# foo", "<h1>foo</h1>\n"),
        // Paragraphs (219)
        Arguments.of("aaa\n\nbbb", "<p>aaa</p>\n<p>bbb</p>\n"),
        // Backslash escapes (12)
        Arguments.of("\\*not emphasized*", "<p>*not emphasized*</p>\n"),
        // Entity references (25)
        Arguments.of("&amp; &copy;", "<p>&amp; ©</p>\n"));
  }

  @ParameterizedTest
  @MethodSource("commonMarkExamples")
  void commonMarkExamplesRenderAsTheSpecificationSays(String markdown, String html) {
    assertThat(CardMarkdown.html(markdown)).isEqualTo(html);
  }

  @Test
  void rawHtmlIsEscapedAndUnsafeUrlsAreDropped() {
    String html =
        CardMarkdown.html(
            "Found **2 <b>trials</b>**:\n- `x` [DailyMed](https://x.org/a?b=1&c=\"2\")"
                + "\n\n[bad](javascript:alert(1)) <script>alert(1)</script>");

    assertThat(html)
        .startsWith("<p>Found <strong>2 &lt;b&gt;trials&lt;/b&gt;</strong>:</p>\n<ul>\n<li>")
        .contains("<code>x</code>", "href=\"https://x.org/a?b=1&amp;c=&quot;2&quot;\"")
        .contains("target=\"_blank\"", "rel=\"noopener noreferrer\"", ">DailyMed</a>")
        .contains("href=\"\"", ">bad</a> &lt;script&gt;alert(1)&lt;/script&gt;</p>")
        .doesNotContain("javascript:", "<b>", "<script");
  }

  static Stream<Path> cardFiles() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("rules"))) {
      return files.filter(f -> f.toString().endsWith(".card.yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cardFiles")
  void everyCardTextOfTheRulesRendersWithoutMarkdownLeftOver(Path file) throws IOException {
    Map<String, Object> card =
        new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    String detail = (String) card.get("detail");

    String html = CardMarkdown.html(detail);

    assertThat(html).startsWith("<");
    assertThat(html).as("emphasis left unrendered").doesNotContain("**");
    assertThat(html).doesNotContain("<script", "<b>");
    if (detail.contains("**")) {
      assertThat(html).contains("<strong>");
    }
    if (detail.lines().anyMatch(line -> line.startsWith("- "))) {
      assertThat(html).contains("<li>");
    }
  }

  @Test
  void cardsWithoutADetailKeepTheirPlace() {
    assertThat(CardMarkdown.html(Arrays.asList("**a**", null)))
        .isEqualTo(Arrays.asList("<p><strong>a</strong></p>\n", null));
  }

  @Test
  void theRulesHaveCardsToCheck() throws IOException {
    assertThat(cardFiles().count()).isGreaterThan(10);
  }
}
