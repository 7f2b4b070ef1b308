"""One probe: 'probe.py tcp|udp HOST PORT [SECONDS]'. Prints 'OK <what the listener saw>',
'TIMEOUT', 'REFUSED' or 'ERROR <reason>'; a dropped packet shows as TIMEOUT."""
import socket
import sys

proto, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
timeout = float(sys.argv[4]) if len(sys.argv) > 4 else 2.0
try:
    if proto == "tcp":
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.settimeout(timeout)
            print("OK " + s.recv(200).decode().strip())
    else:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(timeout)
            s.sendto(b"probe", (host, port))
            print("OK " + s.recv(200).decode().strip())
except socket.timeout:
    print("TIMEOUT")
except ConnectionRefusedError:
    print("REFUSED")
except OSError as e:
    print("ERROR " + str(e))
