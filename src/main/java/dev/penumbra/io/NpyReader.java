package dev.penumbra.io;

import dev.penumbra.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads two-dimensional float arrays from NumPy {@code .npy} files (format versions 1 to 3, as {@code numpy.save}
 * writes them): little-endian float32 ({@code <f4}) or float64 ({@code <f8}), C order. Anything else is an
 * {@link InputException} naming the file, what it holds and what is expected.
 */
public final class NpyReader {

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * The header of a {@code .npy} file.
     *
     * @param descr  the dtype as NumPy spells it, e.g. {@code <f4}
     * @param shape  the array's shape
     * @param offset bytes before the data
     */
    public record Header(String descr, int[] shape, int offset) {
    }

    private NpyReader() {
    }

    /** Reads the header only, checking that the file holds a 2-D float array of C order. */
    public static Header header(Path file) {
        byte[] start = new byte[12];
        int got;
        try (InputStream in = Files.newInputStream(file)) {
            got = in.readNBytes(start, 0, start.length);
            if (got < 10 || (start[0] & 0xff) != 0x93 || !"NUMPY".equals(new String(start, 1, 5,
                    StandardCharsets.US_ASCII))) {
                throw new InputException(file + " is not a NumPy .npy file (no \\x93NUMPY magic at its start)");
            }
            int major = start[6];
            int length;
            int headerStart;
            if (major == 1) {
                length = (start[8] & 0xff) | (start[9] & 0xff) << 8;
                headerStart = 10;
            } else if (major == 2 || major == 3) {
                length = (start[8] & 0xff) | (start[9] & 0xff) << 8 | (start[10] & 0xff) << 16
                        | (start[11] & 0xff) << 24;
                headerStart = 12;
            } else {
                throw new InputException(file + " is a .npy file of format version " + major + ": expected 1, 2 or 3");
            }
            byte[] text = new byte[length];
            int extra = got - headerStart;
            System.arraycopy(start, headerStart, text, 0, Math.max(0, Math.min(extra, length)));
            int rest = in.readNBytes(text, Math.max(0, extra), length - Math.max(0, extra));
            if (rest < length - Math.max(0, extra)) {
                throw new InputException(file + " is truncated: its .npy header is cut short");
            }
            return parse(file, new String(text, StandardCharsets.ISO_8859_1), headerStart + length);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a 2-D float array.
     *
     * @param shape receives its rows and columns
     * @return rows x columns values, row-major
     */
    public static double[] read(Path file, int[] shape) {
        Header h = header(file);
        shape[0] = h.shape()[0];
        shape[1] = h.shape()[1];
        int n = h.shape()[0] * h.shape()[1];
        int width = h.descr().equals("<f4") ? 4 : 8;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        long expected = h.offset() + (long) width * n;
        if (bytes.length != expected) {
            throw new InputException(file + " holds " + (bytes.length - h.offset()) + " bytes of data but its"
                    + " header declares " + h.shape()[0] + " x " + h.shape()[1] + " " + h.descr() + " values ("
                    + (expected - h.offset()) + " bytes)");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, h.offset(), width * n).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = width == 4 ? data.getFloat() : data.getDouble();
        }
        return values;
    }

    private static Header parse(Path file, String text, int offset) {
        Matcher descr = DESCR.matcher(text);
        Matcher fortran = FORTRAN.matcher(text);
        Matcher shape = SHAPE.matcher(text);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new InputException(file + " has a .npy header NumPy would not write: " + text.strip());
        }
        String type = descr.group(1);
        if (!type.equals("<f4") && !type.equals("<f8")) {
            throw new InputException(file + " holds values of dtype '" + type + "': expected float32 ('<f4') or"
                    + " float64 ('<f8'), e.g. numpy.save(path, p.astype(numpy.float32))");
        }
        if (fortran.group(1).equals("True")) {
            throw new InputException(file + " is in Fortran order: expected C order (numpy.ascontiguousarray)");
        }
        String[] dims = shape.group(1).split(",");
        java.util.List<Integer> sizes = new java.util.ArrayList<>();
        for (String d : dims) {
            if (!d.isBlank()) {
                sizes.add(Integer.parseInt(d.strip()));
            }
        }
        if (sizes.size() != 2) {
            throw new InputException(file + " holds an array of shape (" + shape.group(1).strip() + "): expected a"
                    + " 2-D array of height x width");
        }
        return new Header(type, new int[] {sizes.get(0), sizes.get(1)}, offset);
    }
}
