"""A real WordPress on loopback for the tests and benchmarks: Debian's `wordpress` package (6.1),
a private MariaDB server on a Unix socket, PHP's built-in web server, the workstation's
mu-plugin from packaging/wordpress/, and an Application Password for the test user.

Nothing outside a temporary directory is touched: the WordPress tree is copied there (Debian's
own wp-config.php reads /etc/wordpress, so the copy gets its own), MariaDB runs from a fresh data
dir as the current user. `WP_ENVIRONMENT_TYPE` is `local` so Application Passwords work over
plain http, as WordPress allows for local sites.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

WORDPRESS_TREE = Path("/usr/share/wordpress")
PLUGIN = (
    Path(__file__).resolve().parents[2] / "packaging" / "wordpress" / "editorial-workstation.php"
)
ADMIN_USER = "desk"
ADMIN_PASSWORD = "desk-login-password-for-tests"

_CONFIG = """<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:{socket}');
define('DB_CHARSET', 'utf8mb4');
define('WP_CONTENT_DIR', '{content}');
define('WP_HOME', '{url}');
define('WP_SITEURL', '{url}');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
{salts}
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
"""

_INSTALL = r"""<?php
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = parse_url('{url}', PHP_URL_HOST) . ':' . parse_url('{url}', PHP_URL_PORT);
require '{root}/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('Trade Desk Test Site', '{user}', 'desk@example.invalid', false, '',
                     '{password}');
update_option('permalink_structure', '/%postname%/');
$user = get_user_by('login', '{user}');
list($app_password, $item) = WP_Application_Passwords::create_new_application_password(
    $user->ID, array('name' => 'Editorial Workstation tests'));
echo json_encode(array('user_id' => $user->ID, 'app_password' => $app_password));
"""


@dataclass(frozen=True)
class WordPressSite:
    url: str
    user: str
    app_password: str
    root: Path

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, auth=(self.user, self.app_password), timeout=30.0)


def available() -> str | None:
    """None when a WordPress can be started here, else what is missing."""
    for tool in ("php", "mariadbd", "mariadb-install-db"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            return f"{tool} is not installed (apt-get install wordpress mariadb-server php-cli)"
    if not (WORDPRESS_TREE / "wp-load.php").exists():
        return "Debian's wordpress package is not installed"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tool(name: str) -> str:
    return shutil.which(name) or f"/usr/sbin/{name}"


def _wait(check: object, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():  # type: ignore[operator]
                return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start within {timeout:.0f} s")


@contextlib.contextmanager
def _mariadb(base: Path) -> Iterator[Path]:
    data, sock = base / "mariadb", base / "mariadb.sock"
    subprocess.run(
        [_tool("mariadb-install-db"), "--no-defaults", f"--datadir={data}", "--user=root",
         "--auth-root-authentication-method=normal", "--skip-test-db"],
        check=True, capture_output=True,
    )  # fmt: skip
    log = open(base / "mariadb.log", "wb")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [_tool("mariadbd"), "--no-defaults", f"--datadir={data}", f"--socket={sock}",
         "--skip-networking", "--user=root", f"--pid-file={base / 'mariadb.pid'}",
         "--innodb-buffer-pool-size=32M", "--skip-log-bin"],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        _wait(sock.exists, "MariaDB")
        _wait(
            lambda: subprocess.run(
                ["mariadb", "--no-defaults", f"--socket={sock}", "-uroot",
                 "-e", "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4"],
                capture_output=True,
            ).returncode == 0,
            "MariaDB's first connection",
        )  # fmt: skip
        yield sock
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _salts() -> str:
    keys = ("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY",
            "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT")  # fmt: skip
    return "\n".join(f"define('{k}', '{os.urandom(24).hex()}');" for k in keys)


@contextlib.contextmanager
def running_wordpress(base: Path) -> Iterator[WordPressSite]:
    """Start MariaDB and WordPress under `base`; stop both on exit."""
    missing = available()
    if missing:
        raise RuntimeError(missing)
    with _mariadb(base) as sock:
        root = base / "wordpress"
        shutil.copytree(WORDPRESS_TREE, root, symlinks=True)
        content = root / "wp-content"  # inside the web root: uploads are served from there
        (content / "uploads").mkdir(exist_ok=True)
        (content / "mu-plugins").mkdir(exist_ok=True)
        shutil.copy(PLUGIN, content / "mu-plugins" / PLUGIN.name)
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        (root / "wp-config.php").write_text(
            _CONFIG.format(socket=sock, content=content, url=url, salts=_salts()),
            encoding="utf-8",
        )
        install = base / "install.php"
        install.write_text(
            _INSTALL.format(url=url, root=root, user=ADMIN_USER, password=ADMIN_PASSWORD),
            encoding="utf-8",
        )
        result = subprocess.run(
            ["php", str(install)], capture_output=True, text=True, check=False, cwd=root
        )
        if result.returncode != 0 or not result.stdout.strip().startswith("{"):
            raise RuntimeError(f"WordPress install failed: {result.stdout[-2000:]}"
                               f"{result.stderr[-2000:]}")  # fmt: skip
        created = json.loads(result.stdout.strip().splitlines()[-1])
        log = open(base / "php-server.log", "wb")  # noqa: SIM115 - closed below
        env = dict(os.environ, PHP_CLI_SERVER_WORKERS="4")
        server = subprocess.Popen(
            ["php", "-d", "upload_max_filesize=64M", "-d", "post_max_size=64M",
             "-S", f"127.0.0.1:{port}", "-t", str(root)],
            stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root,
        )  # fmt: skip
        try:
            _wait(lambda: httpx.get(f"{url}/wp-json/", timeout=5).status_code == 200, "WordPress")
            yield WordPressSite(url, ADMIN_USER, created["app_password"], root)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()
