import { render } from 'preact';
render(<div>CORS Lens {chrome.devtools.inspectedWindow.tabId}</div>, document.getElementById('app')!);
