"""A minimal JT/T 808-2013 terminal for the browser test: registers, authenticates and reports positions over TCP,
waiting for the node's 0x8001 answer to each report (the node answers only once the position is durable)."""
import socket
import struct
from datetime import datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8))


def bcd(digits: str) -> bytes:
    return bytes(int(digits[i]) << 4 | int(digits[i + 1]) for i in range(0, len(digits), 2))


def escape(data: bytes) -> bytes:
    return data.replace(b"\x7d", b"\x7d\x01").replace(b"\x7e", b"\x7d\x02")


def unescape(data: bytes) -> bytes:
    return data.replace(b"\x7d\x02", b"\x7e").replace(b"\x7d\x01", b"\x7d")


class Terminal:
    def __init__(self, host: str, port: int, phone: str, plate: str):
        self.phone = phone.rjust(12, "0")
        self.plate = plate
        self.serial = 0
        self.sock = socket.create_connection((host, port), timeout=15)
        self.buffer = b""

    def frame(self, message_id: int, body: bytes) -> bytes:
        self.serial += 1
        header = struct.pack(">HH", message_id, len(body)) + bcd(self.phone) + struct.pack(">H", self.serial)
        content = header + body
        check = 0
        for byte in content:
            check ^= byte
        return b"\x7e" + escape(content + bytes([check])) + b"\x7e"

    def send(self, message_id: int, body: bytes) -> int:
        self.sock.sendall(self.frame(message_id, body))
        return self.serial

    def receive(self) -> tuple[int, bytes]:
        while True:
            start = self.buffer.find(b"\x7e")
            end = self.buffer.find(b"\x7e", start + 1) if start >= 0 else -1
            if start >= 0 and end > start + 1:
                raw = unescape(self.buffer[start + 1:end])
                self.buffer = self.buffer[end + 1:]
                message_id, props = struct.unpack(">HH", raw[:4])
                return message_id, raw[12:12 + (props & 0x3FF)]
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("node closed the connection")
            self.buffer += chunk

    def register_and_authenticate(self) -> None:
        body = struct.pack(">HH", 31, 0) + b"XZTST" + b"BROWSERTEST".ljust(20, b"\0") + b"T000001" + bytes([2]) + self.plate.encode("gbk")
        self.send(0x0100, body)
        message_id, answer = self.receive()
        assert message_id == 0x8100 and answer[2] == 0, f"registration refused: {message_id:#x} {answer!r}"
        self.send(0x0102, answer[3:])
        message_id, answer = self.receive()
        assert message_id == 0x8001 and answer[-1] == 0, f"authentication refused: {answer!r}"

    def report(self, lon: float, lat: float, speed_kmh: float, heading: int, at: datetime) -> None:
        local = at.astimezone(CHINA).strftime("%y%m%d%H%M%S")
        body = struct.pack(">IIIIHHH", 0, 0x3, round(lat * 1e6), round(lon * 1e6), 5, round(speed_kmh * 10), heading) + bcd(local)
        serial = self.send(0x0200, body)
        message_id, answer = self.receive()
        assert message_id == 0x8001 and struct.unpack(">H", answer[:2])[0] == serial and answer[-1] == 0, f"report not acknowledged: {answer!r}"

    def close(self) -> None:
        self.sock.close()


def speeding_run(host: str, port: int, phone: str, plate: str) -> None:
    """A truck on G228 in Pinghu at 100 km/h (limit 70) for 90 s, then slowing to 40 km/h: one speeding clue."""
    terminal = Terminal(host, port, phone, plate)
    try:
        terminal.register_and_authenticate()
        now = datetime.now(timezone.utc)
        start, end = (121.2200, 30.6850), (121.1920, 30.6757)
        steps = 8
        for i in range(steps):
            f = i / (steps - 1)
            lon, lat = start[0] + (end[0] - start[0]) * f, start[1] + (end[1] - start[1]) * f
            speed = 100.0 if i < steps - 1 else 40.0
            terminal.report(lon, lat, speed, 235, now - timedelta(seconds=15 * (steps - i)))
    finally:
        terminal.close()
