#!/usr/bin/python3
"""The page's stylesheet and HTML without what only a reader of the source needs.

    /usr/bin/python3 cmake/minify_web.py INPUT OUTPUT

.css: comments, indentation and blank lines left out. .html: comments (<!-- -->), indentation
and blank lines left out, except inside <pre> and <textarea>, whose text is shown as written.
Anything else is copied as it is. Line breaks stay (a browser reads them as the spaces they were),
so nothing is joined that was apart. page.js is minified by Closure instead (cmake/web_app.cmake).
"""
import re
import sys


def minify_css(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


def minify_html(text):
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    out, open_tags = [], 0  # open_tags: <pre> and <textarea> not yet closed
    for line in text.splitlines():
        if open_tags:
            out.append(line)
        elif line.strip():
            out.append(line.strip())
        open_tags += len(re.findall(r"<(?:pre|textarea)\b", line, flags=re.I))
        open_tags -= len(re.findall(r"</(?:pre|textarea)>", line, flags=re.I))
    return "\n".join(out) + "\n"


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        text = f.read()
    if source.endswith(".css"):
        text = minify_css(text)
    elif source.endswith(".html"):
        text = minify_html(text)
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
