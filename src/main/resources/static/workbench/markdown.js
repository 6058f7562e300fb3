/*
 * The Markdown of CDS Hooks card details, rendered the way an EHR shows it: paragraphs, **bold**,
 * `code`, bullet and numbered lists, hard line breaks (two spaces or a backslash at the end of a
 * line) and [links](https://...). Everything is HTML-escaped FIRST: card details quote chart data
 * (a Condition's text, a medication's name) that may come from a pasted Bundle, and only the tags
 * written here may reach the page.
 */
(function (global) {
  'use strict';

  var ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return ENTITIES[c];
    });
  }

  /** Inline markup on already escaped text; quotes are escaped, so no attribute can be broken. */
  function inline(escaped) {
    return escaped
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*\*(\S(?:[^*]*?\S)?)\*\*/g, '<strong>$1</strong>')
      .replace(/__(\S(?:[^_]*?\S)?)__/g, '<strong>$1</strong>')
      .replace(
        /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g,
        '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>'
      );
  }

  /** Lines of one paragraph or list item: a soft break is a space, a hard break a <br>. */
  function joinLines(lines) {
    return lines
      .map(function (line, i) {
        var last = i === lines.length - 1;
        var hard = !last && (/ {2,}$/.test(line) || /\\$/.test(line));
        var text = inline(line.replace(/\\$/, '').trim());
        return hard ? text + '<br>' : text;
      })
      .join('\n');
  }

  function render(markdown) {
    var lines = escapeHtml(markdown == null ? '' : markdown)
      .replace(/\r\n?/g, '\n')
      .split('\n');
    var html = [];
    var paragraph = [];
    var list = null; // { tag: 'ul' | 'ol', items: [[line, ...], ...] }

    function flushParagraph() {
      if (paragraph.length) {
        html.push('<p>' + joinLines(paragraph) + '</p>');
        paragraph = [];
      }
    }
    function flushList() {
      if (list) {
        html.push(
          '<' + list.tag + '>' +
            list.items.map(function (item) {
              return '<li>' + joinLines(item) + '</li>';
            }).join('') +
            '</' + list.tag + '>'
        );
        list = null;
      }
    }

    lines.forEach(function (line) {
      var bullet = /^ {0,3}[-*+]\s+(.*)$/.exec(line);
      var numbered = /^ {0,3}\d{1,9}[.)]\s+(.*)$/.exec(line);
      var item = bullet || numbered;
      if (line.trim() === '') {
        flushParagraph();
        flushList();
      } else if (item) {
        var tag = bullet ? 'ul' : 'ol';
        flushParagraph();
        if (list && list.tag !== tag) {
          flushList();
        }
        if (!list) {
          list = { tag: tag, items: [] };
        }
        list.items.push([item[1]]);
      } else if (list) {
        // A line under an item without a blank line continues it (CommonMark's lazy continuation).
        list.items[list.items.length - 1].push(line);
      } else {
        paragraph.push(line);
      }
    });
    flushParagraph();
    flushList();
    return html.join('\n');
  }

  global.CardMarkdown = { render: render, escapeHtml: escapeHtml };
})(window);
