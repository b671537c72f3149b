#!/usr/bin/env python3
"""Random but valid AIS sentences for the gpsdecode comparison test.

Encodes COUNT messages of every AIS type (1-27; type 24 parts A and B; types 6 and 8 with opaque data and
with the inland DAC 200 / GLA applications) with pyais, random field values over each field's whole range
(the "not available" and out-of-table codes included), and prints one NMEA line per sentence. Messages longer
than one sentence come out as several lines with a sequential id. Some lines carry a tag block
(\\c:...,s:...*hh\\), on every fragment of their message, as receiving networks stamp them.

The output depends only on the seed:  ais-corpus.py --seed 7 --count 3000
Needs pyais (pip install pyais); scripts/setup installs it.
"""

import argparse
import random
import sys

try:
    from pyais.encode import encode_dict, encode_msg
    from pyais.messages import MessageType6Default, MessageType8Default
except ImportError:
    sys.exit("ais-corpus.py: pyais is missing; run scripts/setup (pip install pyais)")

SIXBIT = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !\"#$%&'()*+,-./0123456789:;<=>?"
PRINTABLE = SIXBIT[1:]
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


class Corpus:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.sequence = 0
        self.recent_24a = []

    # ----- random values -------------------------------------------------------------------------------

    def bits(self, width):
        return self.rng.getrandbits(width)

    def chance(self, p):
        return self.rng.random() < p

    def text(self, max_chars, alphabet=PRINTABLE):
        n = self.rng.randint(0, max_chars)
        chars = [self.rng.choice(alphabet) for _ in range(n)]
        if chars and self.chance(0.1):
            chars[self.rng.randrange(len(chars))] = "@"  # gpsd stops reading at '@'
        if chars and self.chance(0.1):
            chars[-1] = " "  # trailing spaces are trimmed
        return "".join(chars)

    def mmsi(self):
        roll = self.rng.random()
        if roll < 0.7:
            return self.rng.choice((412, 413, 414)) * 1_000_000 + self.rng.randrange(1_000_000)
        if roll < 0.75:
            return 980_000_000 + self.rng.choice((412, 413)) * 10_000 + self.rng.randrange(10_000)  # auxiliary craft
        return self.bits(30)

    def lon(self):
        roll = self.rng.random()
        if roll < 0.1:
            return 181.0
        if roll < 0.8:
            return round(self.rng.uniform(118.0, 122.5), 6)
        return round(self.rng.uniform(-180.0, 180.0), 6)

    def lat(self):
        roll = self.rng.random()
        if roll < 0.1:
            return 91.0
        if roll < 0.8:
            return round(self.rng.uniform(29.5, 33.0), 6)
        return round(self.rng.uniform(-90.0, 90.0), 6)

    def tenths(self, width):
        """A value whose raw field (in 0.1 units) is any of the width-bit codes."""
        return self.bits(width) / 10.0

    def turn(self):
        roll = self.rng.random()
        if roll < 0.1:
            return self.rng.choice((-128, -127, 127))
        if roll < 0.2:
            return 0
        return round(self.rng.uniform(-700.0, 700.0), 2)

    def common(self, msg_type):
        return {"type": msg_type, "msg_type": msg_type, "repeat": self.bits(2), "mmsi": self.mmsi()}

    # ----- messages -------------------------------------------------------------------------------------

    def type1(self, msg_type):
        d = self.common(msg_type)
        d.update(status=self.bits(4), turn=self.turn(), speed=self.tenths(10), accuracy=self.bits(1),
                 lon=self.lon(), lat=self.lat(), course=self.tenths(12), heading=self.bits(9),
                 second=self.bits(6), maneuver=self.bits(2), raim=self.bits(1), radio=self.bits(19))
        return d

    def type4(self, msg_type):
        d = self.common(msg_type)
        d.update(year=self.bits(14), month=self.bits(4), day=self.bits(5), hour=self.bits(5), minute=self.bits(6),
                 second=self.bits(6), accuracy=self.bits(1), lon=self.lon(), lat=self.lat(), epfd=self.bits(4),
                 raim=self.bits(1), radio=self.bits(19))
        return d

    def type5(self):
        d = self.common(5)
        d.update(ais_version=self.bits(2), imo=self.bits(30), callsign=self.text(7), shipname=self.text(20),
                 ship_type=self.bits(8), to_bow=self.bits(9), to_stern=self.bits(9), to_port=self.bits(6),
                 to_starboard=self.bits(6), epfd=self.bits(4), month=self.bits(4), day=self.bits(5),
                 hour=self.bits(5), minute=self.bits(6), draught=self.tenths(8), destination=self.text(20),
                 dte=self.bits(1))
        return d

    def type6(self):
        d = self.common(6)
        d.update(seqno=self.bits(2), dest_mmsi=self.mmsi(), retransmit=self.bits(1))
        roll = self.rng.random()
        if roll < 0.4:
            d.update(dac=self.rng.choice([x for x in range(2, 1024) if x not in (200, 235, 250)]), fid=self.bits(6),
                     data=self.random_bytes(0, 115))
        elif roll < 0.55:
            d.update(dac=200, fid=21, data=self.inland_location() + [(self.bits(4), 4), (self.bits(5), 5),
                     (self.bits(5), 5), (self.bits(6), 6), (self.bits(3), 3), (self.bits(12), 12), (0, 5)])
        elif roll < 0.7:
            d.update(dac=200, fid=22, data=self.inland_location() + [(self.bits(4), 4), (self.bits(5), 5),
                     (self.bits(5), 5), (self.bits(6), 6), (self.bits(2), 2), (0, 2)])
        elif roll < 0.8:
            d.update(dac=200, fid=55, data=[(self.bits(8), 8), (self.bits(13), 13), (self.bits(8), 8), (0, 51)])
        elif roll < 0.9:
            d.update(dac=self.rng.choice((235, 250)), fid=10,
                     data=[(self.bits(10), 10), (self.bits(10), 10), (self.bits(10), 10), (self.bits(2), 2),
                           (self.bits(2), 2), (self.bits(1), 1), (self.bits(8), 8), (self.bits(1), 1), (0, 4)])
        else:
            # An inland/GLA application id at a wrong length: gpsd keeps it as opaque data.
            d.update(dac=self.rng.choice((200, 235, 250)), fid=self.rng.choice((10, 21, 22, 55)),
                     data=self.random_bytes(0, 30))
        d["data"] = self.as_bytes(d["data"])
        return d

    def inland_location(self):
        fields = []
        for count in (2, 3, 5, 5, 5):
            for _ in range(count):
                fields.append((SIXBIT.index(self.rng.choice(ALNUM)), 6))
        return fields

    def type7(self, msg_type):
        d = self.common(msg_type)
        for slot in range(1, 5):
            d[f"mmsi{slot}"] = self.mmsi()
            d[f"mmsiseq{slot}"] = self.bits(2)
        return d

    def type8(self):
        d = self.common(8)
        roll = self.rng.random()
        if roll < 0.4:
            d.update(dac=self.rng.choice([x for x in range(2, 1024) if x != 200]), fid=self.bits(6),
                     data=self.random_bytes(0, 119))
        elif roll < 0.6:
            vin = [(SIXBIT.index(self.rng.choice(PRINTABLE)), 6) for _ in range(8)]
            d.update(dac=200, fid=10, data=vin + [(self.bits(13), 13), (self.bits(10), 10),
                     (self.rng.choice((self.bits(14), 8010, 8160, 79, 99, 8370)), 14), (self.bits(3), 3),
                     (self.bits(11), 11), (self.bits(2), 2), (self.bits(1), 1), (self.bits(1), 1), (self.bits(1), 1),
                     (0, 8)])
        elif roll < 0.7:
            d.update(dac=200, fid=23, data=[(self.bits(8), 8), (self.bits(4), 4), (self.bits(5), 5),
                     (self.bits(8), 8), (self.bits(4), 4), (self.bits(5), 5), (self.bits(5), 5), (self.bits(6), 6),
                     (self.bits(5), 5), (self.bits(6), 6), (self.bits(28), 28), (self.bits(27), 27),
                     (self.bits(28), 28), (self.bits(27), 27), (self.bits(4), 4), (self.bits(9), 9),
                     (self.bits(9), 9), (self.bits(2), 2), (self.bits(4), 4), (0, 6)])
        elif roll < 0.8:
            country = [(SIXBIT.index(self.rng.choice(ALNUM)), 6) for _ in range(2)]
            gauges = [(self.bits(25), 25) for _ in range(4)]
            d.update(dac=200, fid=24, data=country + gauges)
        elif roll < 0.9:
            d.update(dac=200, fid=40, data=[(self.bits(28), 28), (self.bits(27), 27), (self.bits(4), 4),
                     (self.bits(9), 9), (self.bits(3), 3), (self.bits(30), 30), (0, 11)])
        else:
            d.update(dac=200, fid=self.rng.choice((10, 23, 24, 40, 3)), data=self.random_bytes(0, 30))
        d["data"] = self.as_bytes(d["data"])
        return d

    def type9(self):
        d = self.common(9)
        d.update(alt=self.bits(12), speed=self.bits(10), accuracy=self.bits(1), lon=self.lon(), lat=self.lat(),
                 course=self.tenths(12), second=self.bits(6), reserved_1=self.bits(8), dte=self.bits(1),
                 assigned=self.bits(1), raim=self.bits(1), radio=self.bits(20))
        return d

    def type10(self):
        d = self.common(10)
        d.update(dest_mmsi=self.mmsi())
        return d

    def type12(self):
        d = self.common(12)
        d.update(seqno=self.bits(2), dest_mmsi=self.mmsi(), retransmit=self.bits(1), text=self.text(156))
        return d

    def type14(self):
        d = self.common(14)
        d.update(text=self.text(161))
        return d

    def type15(self):
        d = self.common(15)
        d.update(mmsi1=self.mmsi(), type1_1=self.bits(6), offset1_1=self.bits(12), type1_2=self.bits(6),
                 offset1_2=self.bits(12), mmsi2=self.mmsi(), type2_1=self.bits(6), offset2_1=self.bits(12))
        return d

    def type16(self):
        d = self.common(16)
        d.update(mmsi1=self.mmsi(), offset1=self.bits(12), increment1=self.bits(10))
        if self.chance(0.5):
            d.update(mmsi2=self.mmsi(), offset2=self.bits(12), increment2=self.bits(10))
        return d

    def type17(self):
        d = self.common(17)
        d.update(lon=self.rng.randint(-(1 << 17), (1 << 17) - 1) / 10.0,
                 lat=self.rng.randint(-(1 << 16), (1 << 16) - 1) / 10.0,
                 data=self.as_bytes(self.random_bytes(0, 92)))
        return d

    def type18(self):
        d = self.common(18)
        d.update(reserved_1=self.bits(8), speed=self.tenths(10), accuracy=self.bits(1), lon=self.lon(),
                 lat=self.lat(), course=self.tenths(12), heading=self.bits(9), second=self.bits(6),
                 reserved_2=self.bits(2), cs=self.bits(1), display=self.bits(1), dsc=self.bits(1), band=self.bits(1),
                 msg22=self.bits(1), assigned=self.bits(1), raim=self.bits(1), radio=self.bits(20))
        return d

    def type19(self):
        d = self.common(19)
        d.update(reserved_1=self.bits(8), speed=self.tenths(10), accuracy=self.bits(1), lon=self.lon(),
                 lat=self.lat(), course=self.tenths(12), heading=self.bits(9), second=self.bits(6),
                 reserved_2=self.bits(4), shipname=self.text(20), ship_type=self.bits(8), to_bow=self.bits(9),
                 to_stern=self.bits(9), to_port=self.bits(6), to_starboard=self.bits(6), epfd=self.bits(4),
                 raim=self.bits(1), dte=self.bits(1), assigned=self.bits(1))
        return d

    def type20(self):
        d = self.common(20)
        for slot in range(1, 5):
            d.update({f"offset{slot}": self.bits(12), f"number{slot}": self.bits(4), f"timeout{slot}": self.bits(3),
                      f"increment{slot}": self.bits(11)})
        return d

    def type21(self):
        d = self.common(21)
        name = self.text(20)
        if self.chance(0.5):
            name = "".join(self.rng.choice(PRINTABLE) for _ in range(20))  # full name: the extension counts
        d.update(aid_type=self.bits(5), name=name, accuracy=self.bits(1), lon=self.lon(), lat=self.lat(),
                 to_bow=self.bits(9), to_stern=self.bits(9), to_port=self.bits(6), to_starboard=self.bits(6),
                 epfd=self.bits(4), second=self.bits(6), off_position=self.bits(1), reserved_1=self.bits(8),
                 raim=self.bits(1), virtual_aid=self.bits(1), assigned=self.bits(1), name_ext=self.text(14))
        return d

    def type22(self):
        d = self.common(22)
        d.update(channel_a=self.bits(12), channel_b=self.bits(12), txrx=self.bits(4), power=self.bits(1),
                 band_a=self.bits(1), band_b=self.bits(1), zonesize=self.bits(3))
        if self.chance(0.5):
            d.update(addressed=1, dest1=self.mmsi(), dest2=self.mmsi())
        else:
            d.update(addressed=0, ne_lon=self.rng.randint(-(1 << 17), (1 << 17) - 1) / 10.0,
                     ne_lat=self.rng.randint(-(1 << 16), (1 << 16) - 1) / 10.0,
                     sw_lon=self.rng.randint(-(1 << 17), (1 << 17) - 1) / 10.0,
                     sw_lat=self.rng.randint(-(1 << 16), (1 << 16) - 1) / 10.0)
        return d

    def type23(self):
        d = self.common(23)
        d.update(ne_lon=self.rng.randint(-(1 << 17), (1 << 17) - 1) / 10.0,
                 ne_lat=self.rng.randint(-(1 << 16), (1 << 16) - 1) / 10.0,
                 sw_lon=self.rng.randint(-(1 << 17), (1 << 17) - 1) / 10.0,
                 sw_lat=self.rng.randint(-(1 << 16), (1 << 16) - 1) / 10.0,
                 station_type=self.bits(4), ship_type=self.bits(8), txrx=self.bits(2), interval=self.bits(4),
                 quiet=self.bits(4))
        return d

    def type24(self):
        if self.recent_24a and self.chance(0.3):
            d = self.common(24)
            d["mmsi"] = self.recent_24a.pop()  # part B after the part A of the same station
            part = 1
        else:
            d = self.common(24)
            part = self.bits(1)
        d["partno"] = part
        if part == 0:
            d["shipname"] = self.text(20)
            self.recent_24a.append(d["mmsi"])
            del self.recent_24a[:-4]
        else:
            d.update(ship_type=self.bits(8), vendorid=self.text(3), model=self.bits(4), serial=self.bits(20),
                     callsign=self.text(7))
            if d["mmsi"] // 10_000_000 == 98:
                d["mothership_mmsi"] = self.mmsi()
            else:
                d.update(to_bow=self.bits(9), to_stern=self.bits(9), to_port=self.bits(6), to_starboard=self.bits(6))
        return d

    def type25(self):
        d = self.common(25)
        addressed, structured = self.bits(1), self.bits(1)
        d.update(addressed=addressed, structured=structured)
        room = 168 - 40 - 30 * addressed - 16 * structured
        if addressed:
            d["dest_mmsi"] = self.mmsi()
        if structured:
            d["app_id"] = self.bits(16)
        d["data"] = self.as_bytes(self.random_bytes(0, room // 8))
        return d

    def type26(self):
        d = self.common(26)
        addressed, structured = self.bits(1), self.bits(1)
        d.update(addressed=addressed, structured=structured, radio=self.bits(20))
        room = 1004 - 60 - 30 * addressed - 16 * structured
        if addressed:
            d["dest_mmsi"] = self.mmsi()
        if structured:
            d["app_id"] = self.bits(16)
        d["data"] = self.as_bytes(self.random_bytes(0, room // 8))
        return d

    def type27(self):
        d = self.common(27)
        d.update(accuracy=self.bits(1), raim=self.bits(1), status=self.bits(4),
                 lon=self.rng.randint(-(1 << 17), (1 << 17) - 1) / 600.0,
                 lat=self.rng.randint(-(1 << 16), (1 << 16) - 1) / 600.0,
                 speed=self.bits(6), course=self.bits(9), gnss=self.bits(1))
        return d

    # ----- helpers --------------------------------------------------------------------------------------

    def random_bytes(self, low, high):
        return [(self.bits(8), 8) for _ in range(self.rng.randint(low, high))]

    @staticmethod
    def as_bytes(fields):
        """(value, width) fields -> bytes, zero-padded to a whole byte."""
        bits = "".join(format(value, f"0{width}b") for value, width in fields)
        bits += "0" * (-len(bits) % 8)
        return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))

    def message(self):
        kind = self.rng.choice(list(range(1, 28)) + [1, 1, 5, 5, 6, 8, 8, 24, 24])
        makers = {
            1: lambda: self.type1(1), 2: lambda: self.type1(2), 3: lambda: self.type1(3),
            4: lambda: self.type4(4), 11: lambda: self.type4(11), 5: self.type5, 6: self.type6,
            7: lambda: self.type7(7), 13: lambda: self.type7(13), 8: self.type8, 9: self.type9, 10: self.type10,
            12: self.type12, 14: self.type14, 15: self.type15, 16: self.type16, 17: self.type17, 18: self.type18,
            19: self.type19, 20: self.type20, 21: self.type21, 22: self.type22, 23: self.type23, 24: self.type24,
            25: self.type25, 26: self.type26, 27: self.type27,
        }
        return makers[kind]()

    def lines(self, count):
        for _ in range(count):
            data = self.message()
            self.sequence = (self.sequence + 1) % 10
            options = dict(
                talker_id=self.rng.choice(("AI", "AI", "AB", "BS")),
                sentence_type="VDO" if self.chance(0.05) else "VDM",
                radio_channel=self.rng.choice("AB"), seq_id=self.sequence,
            )
            if data["type"] in (6, 8):
                # The opaque-data classes, so that pyais does not pick its own DAC/FID layout.
                fields = {key: value for key, value in data.items() if key != "type"}
                opaque = MessageType6Default if data["type"] == 6 else MessageType8Default
                sentences = encode_msg(opaque.create(**fields), **options)
            else:
                sentences = encode_dict(data, **options)
            tag = None
            if self.chance(0.2):
                content = f"c:{1_700_000_000 + self.rng.randrange(10_000_000)},s:rx{self.rng.randrange(10)}"
                checksum = 0
                for character in content:
                    checksum ^= ord(character)
                tag = f"\\{content}*{checksum:02X}\\"
            for sentence in sentences:
                yield (tag or "") + sentence


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, required=True, help="random seed (same seed, same output)")
    parser.add_argument("--count", type=int, default=1000, help="number of messages (default 1000)")
    args = parser.parse_args()
    out = sys.stdout
    for line in Corpus(args.seed).lines(args.count):
        out.write(line + "\n")


if __name__ == "__main__":
    main()
