package eu.creditbridge.localstack.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bench run found, as rows of one Markdown table (what, figure, and beside it the ceiling or ratio it compares
 * with) and as a JSON document of the same figures in numbers, for a later run or a script to compare.
 */
final class BenchReport {

    /** One line of the table. */
    record Row(String what, String figure, String beside) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    synchronized void row(String what, String figure, String beside) {
        rows.add(new Row(what, figure, beside));
    }

    /** A figure of the JSON document; a key given twice keeps the last value. */
    synchronized void put(String key, Object value) {
        figures.put(key, value);
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The table under a title, with the command that reran it and any notes below. */
    synchronized String markdown(String title, String command, List<String> notes) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append("Rerun: `").append(command).append("`\n\n");
        md.append("| what | figure | beside it |\n| --- | --- | --- |\n");
        for (Row row : rows) {
            md.append("| ").append(cell(row.what())).append(" | ").append(cell(row.figure())).append(" | ").append(cell(row.beside()))
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    synchronized String json() {
        try {
            return JSON.writeValueAsString(figures) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the bench's JSON", e);
        }
    }

    /** The console's version: the same rows, aligned. */
    synchronized String text() {
        int what = rows.stream().mapToInt(row -> row.what().length()).max().orElse(0);
        int figure = rows.stream().mapToInt(row -> row.figure().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Row row : rows) {
            text.append(String.format("  %-" + what + "s  %-" + figure + "s  %s%n", row.what(), row.figure(), row.beside()));
        }
        return text.toString();
    }

    /* A pipe would end the cell; a line break would end the row. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
