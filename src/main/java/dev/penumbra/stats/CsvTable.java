package dev.penumbra.stats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.penumbra.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A CSV file with a header line, read with Jackson's CSV parser, whose columns are taken as numbers or labels.
 * Every problem is an {@link InputException} naming the file, the line, the column and the option that chose it.
 * Empty lines are skipped and spaces around unquoted values trimmed; every other row must have as many fields as
 * the header.
 */
public final class CsvTable {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.TRIM_SPACES).build();

    /** Plain decimal numbers; Java's parser alone would also take "NaN", "Infinity", "1d" and hex. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final Path file;
    private final Map<String, Integer> columns;
    private final List<String[]> rows;
    private final List<Integer> lines;

    private CsvTable(Path file, Map<String, Integer> columns, List<String[]> rows, List<Integer> lines) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
        this.lines = lines;
    }

    /** Reads a file given by the option {@code --csv}. */
    public static CsvTable read(Path file) {
        return read(file, "--csv");
    }

    /**
     * @param option the command-line option that named the file, for messages
     * @throws InputException if the file is missing, unreadable, malformed, empty or has no data rows
     */
    public static CsvTable read(Path file, String option) {
        if (!Files.exists(file)) {
            throw new InputException(option + " " + file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(option + " " + file + ": not a file; expected a CSV file");
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            readRows(parser, rows, lines);
        } catch (JsonProcessingException e) {
            throw new InputException(option + " " + file + ": not valid CSV: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new InputException(option + " " + file + ": cannot read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new InputException(option + " " + file + ": empty file; expected a header line of column names");
        }
        if (rows.size() == 1) {
            throw new InputException(option + " " + file + ": a header but no data rows");
        }
        Map<String, Integer> columns = header(file, rows.remove(0));
        lines.remove(0);
        checkWidths(file, columns, rows, lines);
        return new CsvTable(file, columns, rows, lines);
    }

    /** Rows as arrays of fields, with the line each starts on. */
    private static void readRows(JsonParser parser, List<String[]> rows, List<Integer> lines) throws IOException {
        // WRAP_AS_ARRAY yields one outer array of row arrays
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return;
        }
        while (parser.nextToken() == JsonToken.START_ARRAY) {
            List<String> fields = new ArrayList<>();
            int line = -1;
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                line = fields.isEmpty() ? parser.currentTokenLocation().getLineNr() : line;
                fields.add(parser.getText());
            }
            if (!fields.isEmpty()) {
                rows.add(fields.toArray(String[]::new));
                lines.add(line);
            }
        }
    }

    private static Map<String, Integer> header(Path file, String[] names) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            if (name.isEmpty()) {
                throw new InputException(file + " line 1: column " + (i + 1) + " has no name");
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new InputException(file + " line 1: column '" + name + "' appears twice");
            }
        }
        return columns;
    }

    private static void checkWidths(Path file, Map<String, Integer> columns, List<String[]> rows,
            List<Integer> lines) {
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != columns.size()) {
                throw new InputException(file + " line " + lines.get(r) + ": " + rows.get(r).length
                        + " fields but the header has " + columns.size() + " (" + String.join(", ", columns.keySet())
                        + ")");
            }
        }
    }

    /** @return the number of data rows (the header not counted) */
    public int size() {
        return rows.size();
    }

    /** @return the file this table was read from */
    public Path file() {
        return file;
    }

    /**
     * @param option the option that named the column, for messages
     * @return the column's values, one per row, as finite numbers
     */
    public double[] numbers(String column, String option) {
        int c = index(column, option);
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            String text = value(r, c, column);
            double v = NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
            if (!Double.isFinite(v)) {
                throw new InputException(where(r, column) + "'" + text + "' is not a number");
            }
            out[r] = v;
        }
        return out;
    }

    /**
     * @param option the option that named the column, for messages
     * @return the column's values, one per row, none blank
     */
    public String[] strings(String column, String option) {
        int c = index(column, option);
        String[] out = new String[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = value(r, c, column);
        }
        return out;
    }

    private String value(int row, int column, String name) {
        String text = rows.get(row)[column].strip();
        if (text.isEmpty()) {
            throw new InputException(where(row, name) + "blank value");
        }
        return text;
    }

    private int index(String column, String option) {
        Integer c = columns.get(column);
        if (c == null) {
            throw new InputException(option + ": column '" + column + "' not in " + file + "; columns are: "
                    + String.join(", ", columns.keySet()));
        }
        return c;
    }

    private String where(int row, String column) {
        return file + " line " + lines.get(row) + ", column '" + column + "': ";
    }
}
