chrome.devtools.panels.create('CORS Lens', '', 'src/panel/panel.html');
