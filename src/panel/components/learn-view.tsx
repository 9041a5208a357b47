/**
 * The Learn tab. PLACEHOLDER until the onboarding work (issue 8) lands: it says what will be here,
 * so nobody mistakes it for a broken tab.
 */
import { TID } from '../testids';
import { LearnIcon } from './icons';

export function LearnView({ onBack }: { onBack: () => void }) {
  return (
    <div class="cl-learn" data-testid={TID.learnView}>
      <div class="cl-learn-inner">
        <h2 class="cl-learn-title"><LearnIcon size={18} /> Learn CORS — coming soon</h2>
        <p>
          This tab will be a short, interactive walk-through of how the browser decides whether a page may read a
          cross-origin response, illustrated with the same flow diagram as the request details:
        </p>
        <ul>
          <li>what an origin is (scheme, host and port — subdomains and ports count) and the same-origin policy;</li>
          <li>which requests are “simple” and which are preflighted, and what the preflight asks;</li>
          <li>each <code class="cl-code">Access-Control-*</code> response header and exactly what the browser checks;</li>
          <li>credentials, the preflight cache and the HTTP cache;</li>
          <li>how API Gateway (REST and HTTP APIs), Lambda proxy integrations, CloudFront and S3 fit in.</li>
        </ul>
        <p>
          A simulator will let you pick an origin, method, headers and credentials, edit the server’s answers, and see
          the verdict and fixes live — including “Open in simulator” from any captured request.
        </p>
        <p>
          Until then, MDN’s guide is the best reference:{' '}
          <a href="https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS" target="_blank" rel="noopener noreferrer">
            Cross-Origin Resource Sharing (CORS)
          </a>.
        </p>
        <button type="button" class="cl-button" onClick={onBack}>Back to requests</button>
      </div>
    </div>
  );
}
