#!/usr/bin/env python3
"""A delaying, lossy TCP proxy for the jplay lab (Python 3 standard library only).

Stands in for netem, which the lab's kernel may lack: every connection to --listen is relayed to --connect, each
direction's bytes held back for half of --delay-ms (so a round trip takes --delay-ms longer) and kept in order.
Loss is modelled the way TCP feels it: a relayed chunk of N bytes spans ceil(N / 1448) segments, each lost with
probability --loss percent; a chunk with a lost segment stalls its direction for one retransmission timeout
(200 ms plus the round-trip delay), as a retransmitted segment would. Bytes are never dropped or reordered.

SIGUSR1 reads --cut-file (a byte count): once that many more bytes went towards --connect, every open connection is
reset (RST both ways), once; 0 resets them at once. This is "the connection was cut halfway".
"""
import argparse
import asyncio
import math
import random
import signal
import socket
import struct
import time

SEGMENT = 1448
MIN_RTO = 0.2


class Proxy:
    def __init__(self, args):
        self.target = args.connect.rsplit(":", 1)
        self.one_way = args.delay_ms / 2000.0
        self.rto = MIN_RTO + args.delay_ms / 1000.0
        self.loss = args.loss / 100.0
        self.cut_file = args.cut_file
        self.cut_budget = None  # bytes towards the target still allowed before the cut, None: no cut armed
        self.conns = set()

    def arm_cut(self):
        try:
            with open(self.cut_file) as f:
                self.cut_budget = int(f.read().strip() or "0")
        except (OSError, ValueError):
            self.cut_budget = 0
        if self.cut_budget <= 0:
            self.cut_all()

    def cut_all(self):
        self.cut_budget = None
        for w in list(self.conns):
            reset(w)

    def stall(self, n):
        if self.loss <= 0:
            return 0.0
        segments = max(1, math.ceil(n / SEGMENT))
        lost = random.random() > (1.0 - self.loss) ** segments
        return self.rto if lost else 0.0

    async def pipe(self, reader, writer, upstream):
        queue = asyncio.Queue(maxsize=256)

        async def send():
            while True:
                due, data = await queue.get()
                if data is None:
                    break
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()
            if writer.can_write_eof():
                writer.write_eof()

        sender = asyncio.ensure_future(send())
        last_due = 0.0
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                if upstream and self.cut_budget is not None:
                    if len(data) >= self.cut_budget:
                        data = data[:self.cut_budget]
                        if data:
                            writer.write(data)
                        self.cut_all()
                        break
                    self.cut_budget -= len(data)
                due = max(last_due, time.monotonic() + self.one_way) + self.stall(len(data))
                last_due = due
                await queue.put((due, data))
            await queue.put((0, None))
            await sender
        except (ConnectionError, OSError):
            sender.cancel()
            reset(writer)

    async def handle(self, client_r, client_w):
        try:
            up_r, up_w = await asyncio.open_connection(self.target[0], int(self.target[1]))
        except OSError:
            reset(client_w)
            return
        for w in (client_w, up_w):
            w.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.conns.add(w)
        try:
            await asyncio.gather(self.pipe(client_r, up_w, True), self.pipe(up_r, client_w, False), return_exceptions=True)
        finally:
            for w in (client_w, up_w):
                self.conns.discard(w)
                w.close()


def reset(writer):
    """Closes with RST (SO_LINGER 0): the peer sees 'connection reset', as when a middlebox drops the flow."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
    writer.close()


async def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--listen", required=True, help="HOST:PORT to accept connections on")
    ap.add_argument("--connect", required=True, help="HOST:PORT to relay them to")
    ap.add_argument("--delay-ms", type=float, default=200.0, help="added round-trip time (default 200)")
    ap.add_argument("--loss", type=float, default=5.0, help="segment loss in percent (default 5)")
    ap.add_argument("--cut-file", default="/dev/null", help="file SIGUSR1 reads the cut's byte count from")
    args = ap.parse_args()
    proxy = Proxy(args)
    host, port = args.listen.rsplit(":", 1)
    server = await asyncio.start_server(proxy.handle, host, int(port), reuse_address=True)
    asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, proxy.arm_cut)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
