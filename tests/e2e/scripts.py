"""Scripts the browser tests evaluate in pages, kept once here."""

# The read-aloud API's sentences against the page: each sentence's text must be what its element
# shows between char_start and char_end (UTF-16 offsets in the element's textContent).
# Returns [number of sentences, [[block, text, shown], ...] for each mismatch].
SENTENCE_OFFSET_MISMATCHES = """async () => {
  const api = document.querySelector('[data-readaloud-player]').dataset.api;
  const data = await (await fetch(api)).json();
  const bad = [];
  for (const s of data.sentences) {
    const el = s.block === 'title' ? document.querySelector('[data-readaloud-title]')
                                   : document.querySelector(`[data-readaloud-block="${s.block}"]`);
    const shown = el ? el.textContent.slice(s.char_start, s.char_end) : null;
    if (shown !== s.text) bad.push([s.block, s.text, shown]);
  }
  return [data.sentences.length, bad];
}"""
