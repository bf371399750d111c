// Citizens' forms: move focus to the message after a refused submission (screen readers read it),
// count characters against each text's limit, and keep a double click from sending twice.
(function () {
  "use strict";
  var alertBox = document.querySelector("[data-form-alert]");
  if (alertBox) {
    alertBox.focus();
  }
  document.querySelectorAll("[data-max-chars][data-counter]").forEach(function (input) {
    var counter = document.getElementById(input.getAttribute("data-counter"));
    var max = parseInt(input.getAttribute("data-max-chars"), 10);
    if (!counter || !max) {
      return;
    }
    var update = function () {
      var left = max - input.value.length;
      counter.textContent = left >= 0
        ? "Còn " + left.toLocaleString("vi-VN") + " / " + max.toLocaleString("vi-VN") + " ký tự."
        : "Vượt quá " + (-left).toLocaleString("vi-VN") + " ký tự (tối đa " + max.toLocaleString("vi-VN") + ").";
      counter.classList.toggle("field-counter-over", left < 0);
    };
    input.addEventListener("input", update);
    update();
  });
  document.querySelectorAll("form.citizen-form").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      if (button) {
        window.setTimeout(function () { button.disabled = true; }, 0);
      }
    });
  });
})();
