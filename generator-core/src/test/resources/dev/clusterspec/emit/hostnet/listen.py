"""Listens on TCP and UDP ports of every address of its network namespace and answers each
connection or datagram with who answered and the addresses it saw:
'by=<name> peer=<client> local=<address>'.
Arguments: NAME, then tcp:PORT or udp:PORT, any number. Runs until killed."""
import selectors
import socket
import sys

selector = selectors.DefaultSelector()
name = sys.argv[1]
for spec in sys.argv[2:]:
    proto, port = spec.split(":")
    kind = socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM
    s = socket.socket(socket.AF_INET, kind)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", int(port)))
    if proto == "tcp":
        s.listen(16)
    s.setblocking(False)
    selector.register(s, selectors.EVENT_READ, proto)
print("listening", " ".join(sys.argv[1:]), flush=True)
while True:
    for key, _ in selector.select():
        s = key.fileobj
        try:
            if key.data == "tcp":
                conn, peer = s.accept()
                conn.settimeout(2)
                conn.sendall(("by=%s peer=%s local=%s\n" % (name, peer[0], conn.getsockname()[0])).encode())
                conn.close()
            else:
                data, peer = s.recvfrom(2048)
                s.sendto(("by=%s peer=%s\n" % (name, peer[0])).encode(), peer)
        except OSError:
            pass
