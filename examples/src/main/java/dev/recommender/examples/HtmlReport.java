package dev.recommender.examples;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One self-contained HTML page: a title, markdown text (tables become HTML tables, other lines
 * paragraphs) and PNG charts embedded as {@code data:} URIs. No script, no style sheet or font from
 * the network, so the page opens offline and can be mailed as one file.
 */
final class HtmlReport {
    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final Map<String, byte[]> charts = new LinkedHashMap<>();

    HtmlReport(String title) {
        this.title = title;
    }

    /**
     * Adds markdown text: lines starting with {@code |} form tables (the first row is the header, the
     * {@code |---|} line is dropped), other non-blank lines become paragraphs.
     *
     * @param markdown the text
     * @return this page
     */
    HtmlReport markdown(String markdown) {
        boolean inTable = false;
        boolean header = false;
        for (String line : markdown.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("|")) {
                if (!inTable) {
                    body.append("<table>\n");
                    inTable = true;
                    header = true;
                }
                if (trimmed.matches("\\|[-:| ]+\\|")) {
                    continue;
                }
                String tag = header ? "th" : "td";
                body.append("<tr>");
                for (String cell : cells(trimmed)) {
                    body.append('<').append(tag).append('>').append(escape(cell)).append("</").append(tag).append('>');
                }
                body.append("</tr>\n");
                header = false;
                continue;
            }
            if (inTable) {
                body.append("</table>\n");
                inTable = false;
            }
            if (!trimmed.isEmpty()) {
                body.append("<p>").append(escape(trimmed)).append("</p>\n");
            }
        }
        if (inTable) {
            body.append("</table>\n");
        }
        return this;
    }

    /** Splits {@code | a | b \| c |} into its cells, honouring {@code \|} as a literal bar. */
    private static String[] cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        String[] parts = inner.split("(?<!\\\\)\\|", -1);
        for (int p = 0; p < parts.length; p++) {
            parts[p] = parts[p].trim().replace("\\|", "|");
        }
        return parts;
    }

    /**
     * Adds a chart.
     *
     * @param caption what the chart shows
     * @param png     the PNG bytes
     * @return this page
     */
    HtmlReport chart(String caption, byte[] png) {
        charts.put(caption, png.clone());
        return this;
    }

    /** The page. */
    String render() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}img{max-width:100%}</style>\n")
                .append("</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n").append(body);
        charts.forEach((caption, png) -> html.append("<figure><img alt=\"").append(escape(caption))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n"));
        return html.append("</body>\n</html>\n").toString();
    }

    /** The page as UTF-8 bytes. */
    byte[] bytes() {
        return render().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
