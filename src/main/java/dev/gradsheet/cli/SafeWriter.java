package dev.gradsheet.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Error output that never passes a control character to the terminal raw (an ESC byte in a file
 * name or formula could otherwise move the cursor or recolour it): all but line breaks and tabs
 * are written as {@code \xNN}.
 */
final class SafeWriter extends FilterWriter {
    SafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
            out.write(String.format("\\x%02x", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(buf[i]);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(str.charAt(i));
        }
    }
}
