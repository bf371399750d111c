// "Cách đọc cần kiểm tra": the Listen button plays the sentence in the page's voice (POST /v1/audio/speech).
(function () {
  "use strict";
  let playing = null;

  function status(panel, text) {
    const box = panel.querySelector("[data-review-status]");
    if (box) box.textContent = text;
  }

  async function play(panel, button) {
    if (playing) {
      playing.pause();
      playing = null;
    }
    button.disabled = true;
    status(panel, "…");
    try {
      const response = await fetch(panel.dataset.speechUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ input: button.dataset.text, voice: panel.dataset.voice, response_format: "mp3" }),
      });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        status(panel, (body.error && body.error.message) || String(response.status));
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      playing = new Audio(url);
      playing.addEventListener("ended", () => URL.revokeObjectURL(url));
      await playing.play();
      status(panel, "");
      panel.dataset.lastPlayed = button.dataset.text;
    } catch (error) {
      status(panel, String(error));
    } finally {
      button.disabled = false;
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-review-play]");
    const panel = button && button.closest("[data-readaloud-review]");
    if (panel) play(panel, button);
  });
})();
