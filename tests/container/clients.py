"""Loopback clients for the container test: an echo round trip, a /healthz probe, and a group of
cooperative clients that hold their connections until the server says goodbye, then close first."""
import json
import socket
import sys
import threading
import time
import urllib.request


def read_line(sock, buffer):
    """Returns the next line (without its end) and the bytes after it; None at end of stream."""
    while b"\n" not in buffer:
        chunk = sock.recv(4096)
        if not chunk:
            return None, buffer
        buffer += chunk
    line, _, rest = buffer.partition(b"\n")
    return line.rstrip(b"\r").decode(), rest


def echo(port, deadline):
    """Exit 0 when a line sent to 127.0.0.1:port comes back unchanged before the deadline."""
    last = None
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
                sock.sendall(b"hello container\n")
                line, _ = read_line(sock, b"")
                if line == "hello container":
                    return 0
                last = f"answered {line!r}"
        except OSError as error:
            last = error
        time.sleep(0.5)
    print(f"echo failed: {last}", file=sys.stderr)
    return 1


def healthz(url, deadline):
    """Exit 0 when url answers 200 with status "healthy" before the deadline."""
    last = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = json.loads(response.read())
                if response.status == 200 and body.get("status") == "healthy":
                    return 0
                last = body
        except (OSError, ValueError) as error:
            last = error
        time.sleep(0.5)
    print(f"healthz failed: {last}", file=sys.stderr)
    return 1


def hold(port, count, deadline):
    """Connects count clients that each prove an echo, then prints READY and waits for the goodbye.
    A client that reads BYE closes its side at once (answering PING with PONG meanwhile). Prints one
    line per client, "bye" or what happened instead, and exits 0 only if every client saw BYE."""
    results = [None] * count
    ready = threading.Barrier(count + 1)

    def client(index):
        outcome = "no goodbye"
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        except OSError as error:
            results[index] = f"connect failed: {error}"
            ready.abort()
            return
        with sock:
            try:
                sock.sendall(f"client {index}\n".encode())
                line, buffer = read_line(sock, b"")
                if line != f"client {index}":
                    results[index] = f"echo answered {line!r}"
                    ready.abort()
                    return
                ready.wait()
                while time.monotonic() < deadline:
                    sock.settimeout(max(0.1, deadline - time.monotonic()))
                    line, buffer = read_line(sock, buffer)
                    if line is None:
                        outcome = "closed by the server without a goodbye"
                        break
                    if line == "PING":
                        sock.sendall(b"PONG\n")
                    elif line == "BYE":
                        outcome = "bye"
                        break
            except (OSError, threading.BrokenBarrierError) as error:
                outcome = f"failed: {error}"
        results[index] = outcome

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    try:
        ready.wait(timeout=30)
        print("READY", flush=True)
    except threading.BrokenBarrierError:
        print("NOT READY", flush=True)
    for thread in threads:
        thread.join(max(0.1, deadline - time.monotonic()))
    for index, outcome in enumerate(results):
        print(f"client {index}: {outcome or 'still waiting'}", flush=True)
    return 0 if all(outcome == "bye" for outcome in results) else 1


def main(argv):
    command, args = argv[1], argv[2:]
    seconds = float(args[-1])
    deadline = time.monotonic() + seconds
    if command == "echo":
        return echo(int(args[0]), deadline)
    if command == "healthz":
        return healthz(args[0], deadline)
    if command == "hold":
        return hold(int(args[0]), int(args[1]), deadline)
    print(f"unknown command {command}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
