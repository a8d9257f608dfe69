using System.Globalization;
using System.Text;

namespace Search.Core.Searching;

/// <summary>
/// Parses the classic Lucene query syntax into a <see cref="QueryNode"/> tree: words, "phrases", AND OR NOT, + and -,
/// parentheses, field:value, prefix*, fuzzy~ and fuzzy~1, [a TO b] and {a TO b} ranges, field:>x comparisons, and
/// backslash escapes. Adjacent clauses are combined with AND. OR binds looser than AND: "a b OR c" is "(a b) OR c".
/// Every problem is a <see cref="QueryParseException"/> that says what is wrong and where.
/// </summary>
public sealed class QueryParser
{
    public const int MaxLength = 4096;
    public const int MaxDepth = 32;
    public const int MaxClauses = 256;

    private readonly string _text;
    private int _pos;
    private int _depth;
    private int _clauses;
    private string? _field;

    private QueryParser(string text)
    {
        _text = text;
    }

    public static QueryNode Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MatchAllNode();
        }

        if (text.Length > MaxLength)
        {
            throw new QueryParseException($"The query is {text.Length} characters long; the limit is {MaxLength}.", MaxLength);
        }

        var parser = new QueryParser(text);
        var node = parser.ParseOr();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            var c = parser.Peek;
            throw new QueryParseException(
                c == ')' ? $"Unbalanced parenthesis: ')' at {parser._pos} closes nothing." : $"Unexpected '{c}' at {parser._pos}.",
                parser._pos);
        }

        return node;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Peek => _text[_pos];

    private QueryNode ParseOr()
    {
        var alternatives = new List<QueryNode> { ParseAnd() };
        while (TryKeyword("OR") || TryOperator("||"))
        {
            alternatives.Add(ParseAnd());
        }

        return alternatives.Count == 1
            ? alternatives[0]
            : new BooleanNode([.. alternatives.Select(a => new Clause(Occur.Should, a))]);
    }

    private QueryNode ParseAnd()
    {
        var clauses = new List<Clause>();
        var start = _pos;
        while (true)
        {
            SkipSpace();
            if (AtEnd || Peek == ')' || LooksAtKeyword("OR") || LooksAtOperator("||"))
            {
                break;
            }

            if (Peek is '-' or '+' && (_pos + 1 == _text.Length || IsSpace(_text[_pos + 1])))
            {
                _pos++; // a dash standing alone ("Evin - Tehran") is punctuation, not an operator
                continue;
            }

            if (TryKeyword("AND") || TryOperator("&&"))
            {
                SkipSpace();
                if (AtEnd || Peek == ')' || LooksAtKeyword("OR") || LooksAtKeyword("AND"))
                {
                    throw new QueryParseException($"AND at {_pos} needs a search term after it.", _pos);
                }

                continue;
            }

            clauses.Add(ParseUnary());
            if (++_clauses > MaxClauses)
            {
                throw new QueryParseException($"The query has more than {MaxClauses} clauses.", _pos);
            }
        }

        if (clauses.Count == 0)
        {
            throw new QueryParseException(AtEnd ? $"Expected a search term at {_pos}." : $"Expected a search term before '{Peek}' at {_pos}.", Math.Max(start, _pos));
        }

        return clauses.Count == 1 && clauses[0].Occur == Occur.Must ? clauses[0].Node : new BooleanNode(clauses);
    }

    private Clause ParseUnary()
    {
        var at = _pos;
        if (TryKeyword("NOT") || TryOperator("!"))
        {
            return new Clause(Occur.MustNot, ParseOperand(at));
        }

        if (Peek is '-' or '+')
        {
            var occur = Peek == '-' ? Occur.MustNot : Occur.Must;
            _pos++;
            return new Clause(occur, ParseOperand(at));
        }

        return new Clause(Occur.Must, ParsePrimary());
    }

    private QueryNode ParseOperand(int operatorAt)
    {
        SkipSpace();
        if (AtEnd || Peek == ')')
        {
            throw new QueryParseException($"The operator at {operatorAt} needs a search term after it.", operatorAt);
        }

        return ParsePrimary();
    }

    private QueryNode ParsePrimary()
    {
        SkipSpace();
        var at = _pos;
        if (Peek == '(')
        {
            return ParseGroup();
        }

        if (Peek == '"')
        {
            return new PhraseNode(_field, ReadPhrase());
        }

        if (Peek is ')' or ':' or '[' or '{' or ']' or '}')
        {
            throw new QueryParseException($"Unexpected '{Peek}' at {at}.", at);
        }

        var word = ReadWord(out var stopChar);
        if (stopChar == ':')
        {
            return ParseField(word, at);
        }

        return WordNode(word, at, _field);
    }

    private QueryNode ParseGroup()
    {
        var open = _pos;
        _pos++;
        if (++_depth > MaxDepth)
        {
            throw new QueryParseException($"Parentheses are nested more than {MaxDepth} deep.", open);
        }

        var inner = ParseOr();
        SkipSpace();
        if (AtEnd || Peek != ')')
        {
            throw new QueryParseException($"Missing ')' for the '(' at {open}.", open);
        }

        _pos++;
        _depth--;
        return inner;
    }

    private QueryNode ParseField(string field, int at)
    {
        var name = field.ToLowerInvariant();
        if (!QueryFields.IsKnown(name))
        {
            throw new QueryParseException($"Unknown field '{field}' at {at}. Known fields: {QueryFields.Describe()}.", at);
        }

        if (_field is not null)
        {
            throw new QueryParseException($"Field '{field}' at {at} is inside the group of field '{_field}'.", at);
        }

        _pos++; // the colon
        if (AtEnd || char.IsWhiteSpace(Peek))
        {
            throw new QueryParseException($"Field '{field}' at {at} has no value after its colon.", at);
        }

        var valueAt = _pos;
        if (Peek is '[' or '{' or '>' or '<')
        {
            if (!QueryFields.Range.Contains(name))
            {
                throw new QueryParseException($"Field '{name}' at {at} does not take ranges; only date and figure do.", at);
            }

            return Peek is '[' or '{' ? ParseRange(name) : ParseComparison(name);
        }

        if (Peek == '(')
        {
            _field = name;
            try
            {
                return ParseGroup();
            }
            finally
            {
                _field = null;
            }
        }

        if (Peek == '"')
        {
            return new PhraseNode(name, ReadPhrase());
        }

        var value = ReadWord(out var stop);
        if (stop == ':')
        {
            throw new QueryParseException($"Unexpected ':' at {_pos}; quote a value that contains a colon.", _pos);
        }

        if (QueryFields.Range.Contains(name))
        {
            return new RangeNode(name, value, value, true, true);
        }

        return WordNode(value, valueAt, name);
    }

    private RangeNode ParseRange(string field)
    {
        var open = _pos;
        var includeLow = Peek == '[';
        _pos++;
        SkipSpace();
        var low = ReadRangeBound(open);
        SkipSpace();
        if (!TryKeyword("TO"))
        {
            throw new QueryParseException($"The range at {open} needs the form [low TO high].", open);
        }

        SkipSpace();
        var high = ReadRangeBound(open);
        SkipSpace();
        if (AtEnd || Peek is not (']' or '}'))
        {
            throw new QueryParseException($"The range at {open} is not closed with ']' or '}}'.", open);
        }

        var includeHigh = Peek == ']';
        _pos++;
        return new RangeNode(field, low == "*" ? null : low, high == "*" ? null : high, includeLow, includeHigh);
    }

    private string ReadRangeBound(int open)
    {
        var start = _pos;
        while (!AtEnd && !char.IsWhiteSpace(Peek) && Peek is not (']' or '}'))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw new QueryParseException($"The range at {open} is missing a bound.", open);
        }

        return _text[start.._pos];
    }

    private RangeNode ParseComparison(string field)
    {
        var at = _pos;
        var greater = Peek == '>';
        _pos++;
        var inclusive = !AtEnd && Peek == '=';
        if (inclusive)
        {
            _pos++;
        }

        var value = ReadWord(out _);
        if (value.Length == 0)
        {
            throw new QueryParseException($"The comparison at {at} has no value.", at);
        }

        return greater
            ? new RangeNode(field, value, null, inclusive, true)
            : new RangeNode(field, null, value, true, inclusive);
    }

    private static QueryNode WordNode(string word, int at, string? field)
    {
        if (word.Length == 0)
        {
            throw new QueryParseException($"Expected a search term at {at}.", at);
        }

        // A boost (word^2) is accepted for compatibility and has no effect on our ranking.
        var caret = word.LastIndexOf('^');
        if (caret > 0 && double.TryParse(word.AsSpan(caret + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            word = word[..caret];
        }

        var tilde = word.LastIndexOf('~');
        if (tilde > 0)
        {
            var edits = word[(tilde + 1)..];
            if (edits.Length == 0)
            {
                return new FuzzyNode(field, word[..tilde], 2);
            }

            if (int.TryParse(edits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 2)
            {
                return new FuzzyNode(field, word[..tilde], n);
            }

            throw new QueryParseException($"'~{edits}' at {at}: fuzzy search allows 0, 1 or 2 edits.", at);
        }

        if (word.EndsWith('*'))
        {
            var prefix = word.TrimEnd('*');
            if (prefix.Length == 0)
            {
                throw new QueryParseException($"'*' at {at} needs at least one letter before it.", at);
            }

            CheckNoWildcards(prefix, at);
            return new PrefixNode(field, prefix);
        }

        CheckNoWildcards(word, at);
        return new TermNode(field, word);
    }

    private static void CheckNoWildcards(string word, int at)
    {
        var i = word.IndexOfAny(['*', '?']);
        if (i >= 0)
        {
            throw new QueryParseException($"Wildcard '{word[i]}' inside '{word}' at {at}: only a trailing * (prefix search) is supported.", at + i);
        }
    }

    /// <summary>Reads a word up to white space, a parenthesis, a quote or a colon; backslash escapes any character.</summary>
    private string ReadWord(out char stop)
    {
        var sb = new StringBuilder();
        stop = '\0';
        while (!AtEnd)
        {
            var c = Peek;
            if (c == '\\')
            {
                if (_pos + 1 >= _text.Length)
                {
                    throw new QueryParseException($"The backslash at {_pos} escapes nothing.", _pos);
                }

                sb.Append(_text[_pos + 1]);
                _pos += 2;
                continue;
            }

            if (IsSpace(c) || c is '(' or ')' or '"' or ':' or '[' or ']' or '{' or '}')
            {
                stop = c;
                break;
            }

            sb.Append(c);
            _pos++;
        }

        return sb.ToString();
    }

    private string ReadPhrase()
    {
        var open = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new QueryParseException($"The quote at {open} is never closed.", open);
            }

            var c = Peek;
            if (c == '\\' && _pos + 1 < _text.Length)
            {
                sb.Append(_text[_pos + 1]);
                _pos += 2;
                continue;
            }

            _pos++;
            if (c == '"')
            {
                break;
            }

            sb.Append(c);
        }

        // A proximity (“"a b"~3”) is accepted and searched as the exact phrase.
        if (!AtEnd && Peek == '~')
        {
            _pos++;
            while (!AtEnd && char.IsAsciiDigit(Peek))
            {
                _pos++;
            }
        }

        return sb.ToString();
    }

    private void SkipSpace()
    {
        while (!AtEnd && IsSpace(Peek))
        {
            _pos++;
        }
    }

    /// <summary>White space, and control characters (NUL, escapes) that have no place in a query: they separate.</summary>
    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    private bool LooksAtKeyword(string keyword) =>
        string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) == 0
        && (_pos + keyword.Length == _text.Length || IsSpace(_text[_pos + keyword.Length]) || _text[_pos + keyword.Length] is '(' or ')' or '"' or '-' or '+' or ']' or '}');

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        if (!LooksAtKeyword(keyword))
        {
            return false;
        }

        _pos += keyword.Length;
        return true;
    }

    private bool LooksAtOperator(string op) => string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0;

    private bool TryOperator(string op)
    {
        SkipSpace();
        if (!LooksAtOperator(op) || (op == "!" && (_pos + 1 >= _text.Length || IsSpace(_text[_pos + 1]))))
        {
            return false;
        }

        _pos += op.Length;
        return true;
    }
}
