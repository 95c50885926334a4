// the copy buttons: a secret shown once goes to the clipboard (the page works without this: the secret can be selected)
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) { return; }
  var text = document.getElementById(button.getAttribute('data-copy')).textContent;
  var said = document.getElementById('copied');
  navigator.clipboard.writeText(text).then(function () { if (said) { said.textContent = 'Copied.'; } },
    function () { if (said) { said.textContent = 'Select it and copy it by hand.'; } });
});
