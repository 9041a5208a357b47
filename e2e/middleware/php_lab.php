<?php
// Plain PHP scripts answering CORS the ways people write it by hand (header() calls), under PHP's built-in
// server. Run by e2e/middleware/php-lab.ts:
//   PHP_LAB_DIR=<dir> php -n -d output_buffering=4096 -S 127.0.0.1:<port> php_lab.php
// <dir>/case-<id>.php is the script of one case, served at /php/<id>/r. A fix CORS Lens gave (checked by
// e2e/fixes.spec.ts) is <dir>/cors.php, which each script then requires first, as the fix says.
// What the scripts answer is PHP's business; Chromium judges it.
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (preg_match('#^/php/([a-z0-9-]+)/r$#', $path, $m)) {
    $script = getenv('PHP_LAB_DIR') . '/case-' . $m[1] . '.php';
    if (is_file($script)) {
        require $script;
        return true;
    }
}
http_response_code(404);
echo 'no such case';
return true;
