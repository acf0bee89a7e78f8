package dev.gradsheet.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.gradsheet.engine.Messages;

/**
 * JSON strings that carry no unsafe character raw ({@link Messages#isUnsafe}): a file name with a
 * U+202E or a C1 control in {@code check --json} is written as a JSON escape (backslash, u, four hex digits), so the
 * text stays valid JSON and a terminal showing it sees nothing invisible. Jackson hands characters
 * beyond the BMP over in halves, so surrogates are escaped too (an emoji reads back the same).
 */
final class JsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    JsonEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return Messages.isUnsafe(ch) || Character.isSurrogate((char) ch)
                ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
