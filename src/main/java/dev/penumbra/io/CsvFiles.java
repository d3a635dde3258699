package dev.penumbra.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Writes tables as CSV (header row, RFC 4180 quoting by Jackson), atomically. */
public final class CsvFiles {

    private static final CsvMapper MAPPER = new CsvMapper();

    static {
        MAPPER.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private CsvFiles() {
    }

    /**
     * @param header column names
     * @param rows   one array of cell values per row, each as long as the header; numbers are written with
     *               Java's shortest round-trip form. Rows are written as they come, so a large table can be
     *               produced lazily without being held in memory.
     */
    public static void write(Path file, List<String> header, Iterable<Object[]> rows) {
        CsvSchema schema = CsvSchema.emptySchema();
        AtomicFiles.write(file, out -> {
            Writer w = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            var writer = MAPPER.writer(schema).writeValues(w);
            writer.write(header.toArray());
            for (Object[] row : rows) {
                if (row.length != header.size()) {
                    throw new IllegalArgumentException("row of " + row.length + " cells for " + header.size()
                            + " columns in " + file);
                }
                writer.write(row);
            }
            writer.flush();
            w.flush();
        });
    }
}
