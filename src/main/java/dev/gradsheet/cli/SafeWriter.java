package dev.gradsheet.cli;

import dev.gradsheet.engine.Messages;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Output that never passes an unsafe character ({@link Messages#isUnsafe}) to the terminal raw: an
 * ESC byte in a file name or formula could otherwise move the cursor or recolour it, and a U+202E
 * make a line read backwards. All but line breaks and tabs are written escaped, as messages quote
 * them ({@code \x1b}, &#92;u202e).
 */
final class SafeWriter extends FilterWriter {
    /** A high surrogate waiting for its low half (a character beyond the BMP comes as two chars). */
    private char pending;

    SafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (pending != 0) {
            char high = pending;
            pending = 0;
            if (Character.isLowSurrogate(ch)) {
                writeCodePoint(Character.toCodePoint(high, ch));
                return;
            }
            writeCodePoint(high); // a lone half: not a character, written as itself
        }
        if (Character.isHighSurrogate(ch)) {
            pending = ch;
        } else {
            writeCodePoint(ch);
        }
    }

    private void writeCodePoint(int cp) throws IOException {
        if (cp != '\n' && cp != '\t' && Messages.isUnsafe(cp)) {
            out.write(Messages.escaped(cp));
        } else if (Character.isSupplementaryCodePoint(cp)) {
            out.write(Character.toChars(cp));
        } else {
            out.write(cp);
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

    @Override
    public void flush() throws IOException {
        if (pending != 0) {
            char high = pending;
            pending = 0;
            writeCodePoint(high);
        }
        super.flush();
    }
}
