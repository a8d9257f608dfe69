namespace Search.Core.Indexing;

/// <summary>
/// The lines of a stream as UTF-8 bytes, split at '\n' with a trailing '\r' removed, without a leading byte order
/// mark. <see cref="Current"/> is valid until the next call: it is a window on a buffer that is reused.
/// </summary>
internal sealed class Utf8Lines(Stream stream)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _length;
    private bool _eof;
    private bool _first = true;

    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>Moves to the next line; false when there is none.</summary>
    public bool Next()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _length).IndexOf((byte)'\n');
            if (newline >= 0 || (_eof && _length > 0))
            {
                var lineLength = newline >= 0 ? newline : _length;
                var line = _buffer.AsMemory(_start, lineLength);
                if (line.Span.EndsWith("\r"u8))
                {
                    line = line[..^1];
                }

                if (_first && line.Span.StartsWith("\uFEFF"u8))
                {
                    line = line[3..];
                }

                _first = false;
                var consumed = newline >= 0 ? lineLength + 1 : lineLength;
                _start += consumed;
                _length -= consumed;
                Current = line;
                return true;
            }

            if (_eof)
            {
                return false;
            }

            Fill();
        }
    }

    private void Fill()
    {
        // Keep the unread part at the front; a line longer than the buffer doubles it.
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _length).CopyTo(_buffer);
            _start = 0;
        }

        if (_length == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = stream.Read(_buffer, _length, _buffer.Length - _length);
        if (read == 0)
        {
            _eof = true;
        }

        _length += read;
    }
}
