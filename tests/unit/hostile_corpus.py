"""Hostile Markdown bodies: XSS vectors (OWASP cheat sheet style), malformed tags, huge and
deeply nested inputs, control characters. Each case is (name, body)."""

from __future__ import annotations

XSS = [
    ("script-tag", "<script>alert(1)</script>"),
    ("script-in-paragraph", "Hello <script>alert(1)</script> world"),
    ("script-src", '<script src="https://evil.example/x.js"></script>'),
    ("img-onerror", '<img src=x onerror="alert(1)">'),
    ("img-onerror-unquoted", "<img src=x onerror=alert(1)//>"),
    ("svg-onload", "<svg onload=alert(1)>"),
    ("svg-script", "<svg><script>alert(1)</script></svg>"),
    ("body-onload", "<body onload=alert(1)>"),
    ("iframe-javascript", '<iframe src="javascript:alert(1)"></iframe>'),
    ("iframe-remote", '<iframe src="https://evil.example/"></iframe>'),
    ("iframe-srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'),
    ("link-javascript", "[click](javascript:alert(1))"),
    ("link-javascript-case", "[click](JaVaScRiPt:alert(1))"),
    ("link-javascript-entity", "[click](&#106;avascript:alert(1))"),
    ("link-javascript-tab", '<a href="jav\tascript:alert(1)">x</a>'),
    ("link-vbscript", '<a href="vbscript:msgbox(1)">x</a>'),
    ("link-data-html", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    ("image-data-svg", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
    ("image-javascript", "![x](javascript:alert(1))"),
    ("autolink-javascript", "<javascript:alert(1)>"),
    ("a-onclick", '<a href="#" onclick="alert(1)">x</a>'),
    ("div-onmouseover", '<div onmouseover="alert(1)">hover</div>'),
    ("style-tag", "<style>body{background:url(javascript:alert(1))}</style>"),
    ("style-attr", '<p style="position:fixed;top:0;left:0;width:100%;height:100%">x</p>'),
    ("style-expression", '<div style="width: expression(alert(1))">x</div>'),
    ("object-embed", '<object data="evil.swf"></object><embed src="evil.swf">'),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    ("base-href", '<base href="https://evil.example/">'),
    ("link-stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">'),
    ("form-action", '<form action="https://evil.example"><input name=a><button>go</button></form>'),
    ("math-xlink", '<math><maction xlink:href="javascript:alert(1)">x</maction></math>'),
    ("attr-list-onclick", 'Paragraph\n{: onclick="alert(1)" }'),
    ("attr-list-style", 'Paragraph\n{: style="position:fixed" }'),
    ("attr-list-reserved-id", "Paragraph\n{: #ew-bridge }"),
    ("markdown-link-title-break", '[x](https://a.example "title" onmouseover="alert(1)")'),
    ("img-alt-break", '![x" onerror="alert(1)](https://a.example/p.png)'),
    ("html-comment-trick", "<!-- --><script>alert(1)</script> -->"),
    ("cdata", "<![CDATA[<script>alert(1)</script>]]>"),
    ("template-tag", "<template><script>alert(1)</script></template>"),
    ("noscript-mxss", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
    ("textarea-mxss", "<textarea><img src=x onerror=alert(1)></textarea>"),
    ("nested-a", '<a href="https://a.example"><a href="javascript:alert(1)">x</a></a>'),
    ("entity-encoded-tag", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("stash-placeholder-injection", "\x02wzxhzdk:0\x03 and <b>bold</b>"),
    ("footnote-xss", "Text[^1]\n\n[^1]: <img src=x onerror=alert(1)>"),
    ("abbr-xss", 'WRES\n\n*[WRES]: "><script>alert(1)</script>'),
    ("table-xss", "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | 2 |"),
]

MALFORMED = [
    ("unclosed-tags", "<div><p><b>unclosed <i>everything"),
    ("stray-closers", "</div></p></b> text </table>"),
    ("unbalanced-inline-bold", "para one <b>bold\n\npara two stays plain"),
    ("broken-attribute", '<img src="x" alt="unterminated>'),
    ("block-in-paragraph", "text <div>inside</div> more</p>"),
    ("half-table", "| a | b\n|---\n| 1 |"),
    ("angle-brackets", "<<<<<<<<>>>>>>>> <a <b <c"),
    ("emphasis-storm", "*" * 5000 + "x" + "_" * 5000),
    ("bracket-storm", "[" * 5000 + "x" + "]" * 5000),
    ("link-paren-storm", "[x](" + "(" * 3000 + ")" * 3000 + ")"),
    ("backtick-storm", "`" * 4000 + "code" + "`" * 3999),
]

SIZE_AND_NESTING = [
    ("huge-single-line", "word " * 300_000),
    ("huge-many-paragraphs", "A paragraph of text.\n\n" * 40_000),
    ("over-the-cap", ("x" * 99 + "\n") * 7_000),
    ("deep-list", "".join("    " * i + "- item\n" for i in range(400))),
    ("deep-quote", ">" * 5000 + " quoted"),
    ("deep-quote-lines", "\n".join("> " * i + "q" for i in range(300))),
    ("deep-html", "<div>" * 5000 + "x" + "</div>" * 5000),
    ("deep-inline-html", "<b>" * 3000 + "x"),
    (
        "many-footnotes",
        "".join(f"ref[^{i}] " for i in range(2000))
        + "\n\n"
        + "".join(f"[^{i}]: note {i}\n" for i in range(2000)),
    ),
    ("huge-list", "- item\n" * 20_000),
    ("huge-table", "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 20_000),
    ("many-abbreviations", "\n".join(f"*[AB{i}]: thing {i}" for i in range(2000)) + "\n\nAB1 AB2"),
]

CONTROL = [
    ("nul-bytes", "a\x00b\x00c"),
    ("c0-controls", "".join(chr(i) for i in range(32)) + "text"),
    ("del-and-c1", "x\x7f\x85\x9fy"),
    ("bom-and-nonchars", "\ufeffstart \ufffe\uffff end"),
    ("bidi-override", "safe \u202egnp.exe\u202c name"),
    ("lone-cr", "line one\rline two\r\rpara"),
    ("zero-width", "java\u200bscript:alert(1) [x](java\u200bscript:alert(1))"),
    ("surrogate-free-emoji", "🙂" * 10_000),
]

CASES: list[tuple[str, str]] = XSS + MALFORMED + SIZE_AND_NESTING + CONTROL
