#!/usr/bin/env python3
"""Draws the equipment photos of the hazard-ledger sample (Workbooks/photos/*.png).

Each picture is a simple drawing of a piece of factory equipment as an inspector would
photograph it, with the hazard the inspection should find (a missing guard, a frayed cable, a
raised load, corrosion…) and a caption naming the asset. They are small PNGs (a 128-colour
palette, under 60 KB each) so the sample workbook stays small and VISION() requests stay cheap.

    pip install Pillow
    python3 scripts/make-sample-photos.py            # writes Workbooks/photos/
    swift run sheet sample hazard-ledger -o Workbooks/hazard-ledger.xlsx

The output is committed; rerun this only to change the pictures (then regenerate the workbook).
Drawing is deterministic (a seeded random generator), though PNG bytes may differ across
Pillow/zlib versions.
"""
import math
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFilter, ImageFont

W, H = 480, 360          # final size
S = 2                    # drawn at twice the size, then scaled down (smooth edges)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Workbooks", "photos")

STEEL = (150, 156, 160)
DARK_STEEL = (88, 94, 100)
SAFETY_YELLOW = (238, 190, 30)
RED = (200, 40, 35)
COPPER = (205, 120, 50)
BLACK = (30, 30, 32)
CONCRETE = (168, 166, 158)


def p(*xy):
    """Scales coordinates given at the final size to the drawing size."""
    return [v * S for v in xy]


class Photo:
    def __init__(self, name, caption, wall=(196, 200, 194), floor=CONCRETE, horizon=230, seed=1):
        self.name, self.caption = name, caption
        self.img = Image.new("RGB", (W * S, H * S), wall)
        self.d = ImageDraw.Draw(self.img)
        self.rng = random.Random(seed)
        self.horizon = horizon
        # Wall panels, a floor with expansion joints and a painted walkway line.
        for x in range(0, W, 120):
            self.d.line(p(x, 0, x, horizon), fill=tuple(c - 14 for c in wall), width=S)
        self.d.rectangle(p(0, horizon, W, H), fill=floor)
        for x in range(-200, W + 200, 110):
            self.d.line(p(W / 2 + (x - W / 2) * 0.45, horizon, x, H), fill=tuple(c - 18 for c in floor), width=S)
        self.d.line(p(0, horizon + 2, W, horizon + 2), fill=tuple(c - 40 for c in floor), width=2 * S)
        # Scuffs and stains on the floor.
        for _ in range(18):
            x, y = self.rng.uniform(0, W), self.rng.uniform(horizon + 10, H - 40)
            r = self.rng.uniform(2, 7)
            self.d.ellipse(p(x - r * 2, y - r / 2, x + r * 2, y + r / 2), fill=tuple(c - 10 for c in floor))

    # Drawing helpers, coordinates at the final size.
    def rect(self, x0, y0, x1, y1, fill, outline=None, width=1):
        self.d.rectangle(p(x0, y0, x1, y1), fill=fill, outline=outline, width=width * S)

    def rrect(self, x0, y0, x1, y1, r, fill, outline=None, width=1):
        self.d.rounded_rectangle(p(x0, y0, x1, y1), radius=r * S, fill=fill, outline=outline, width=width * S)

    def ellipse(self, x0, y0, x1, y1, fill, outline=None, width=1):
        self.d.ellipse(p(x0, y0, x1, y1), fill=fill, outline=outline, width=width * S)

    def line(self, pts, fill, width=1):
        self.d.line([v * S for xy in pts for v in xy], fill=fill, width=max(1, int(width * S)), joint="curve")

    def poly(self, pts, fill, outline=None):
        self.d.polygon([(x * S, y * S) for x, y in pts], fill=fill, outline=outline)

    def text(self, xy, s, size=12, fill=BLACK, anchor="la"):
        font = ImageFont.load_default(size=size * S)
        self.d.text((xy[0] * S, xy[1] * S), s, font=font, fill=fill, anchor=anchor)

    def shadow(self, x0, x1, y):
        self.ellipse(x0, y - 6, x1, y + 6, fill=(120, 118, 112))

    def warning_sign(self, x, y, size=26):
        self.poly([(x, y + size), (x + size / 2, y), (x + size, y + size)], fill=SAFETY_YELLOW, outline=BLACK)
        self.text((x + size / 2, y + size * 0.55), "!", size=int(size * 0.55), anchor="mm")

    def save(self):
        # Caption strip, as a phone's inspection app stamps it.
        self.rect(0, H - 30, W, H, fill=(20, 22, 26))
        self.text((10, H - 15), self.caption, size=13, fill=(245, 245, 245), anchor="lm")
        img = self.img.filter(ImageFilter.SMOOTH).resize((W, H), Image.LANCZOS)
        img = img.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        os.makedirs(OUT, exist_ok=True)
        path = os.path.join(OUT, self.name + ".png")
        img.save(path, optimize=True)
        return path


def pump():
    ph = Photo("pump", "P-101 feed pump · Pump house", seed=101)  # hazards: coupling guard removed, seal leaking
    # Base plate on a plinth.
    ph.rect(60, 238, 430, 262, fill=(140, 140, 136), outline=DARK_STEEL)
    ph.rect(70, 226, 420, 240, fill=(70, 100, 140), outline=BLACK)
    # Motor: body with cooling fins, fan cowl, terminal box.
    ph.rrect(80, 140, 230, 226, 14, fill=(40, 90, 150), outline=BLACK)
    for x in range(92, 226, 10):
        ph.line([(x, 144), (x, 222)], fill=(30, 70, 120), width=2)
    ph.rrect(60, 150, 86, 218, 8, fill=(35, 80, 135), outline=BLACK)
    ph.rect(140, 118, 184, 142, fill=(40, 90, 150), outline=BLACK)
    ph.text((162, 130), "M", size=12, fill=(230, 230, 230), anchor="mm")
    # Exposed shaft and coupling (the guard lies on the floor).
    ph.rect(230, 176, 262, 190, fill=(210, 212, 214), outline=BLACK)
    ph.rect(246, 166, 258, 200, fill=(225, 120, 40), outline=BLACK)
    ph.rect(262, 176, 286, 190, fill=(210, 212, 214), outline=BLACK)
    ph.poly([(300, 318), (380, 296), (410, 314), (330, 338)], fill=SAFETY_YELLOW, outline=BLACK)
    for i in range(5):
        ph.line([(318 + i * 16, 320 - i * 4), (332 + i * 16, 330 - i * 4)], fill=BLACK, width=1.5)
    # Pump volute, suction and discharge pipes with flanges.
    ph.ellipse(286, 140, 386, 226, fill=(60, 110, 70), outline=BLACK, width=2)
    ph.ellipse(318, 166, 354, 200, fill=(50, 95, 60), outline=BLACK)
    ph.rect(386, 170, 480, 196, fill=STEEL, outline=BLACK)
    ph.rect(396, 162, 404, 204, fill=DARK_STEEL)
    ph.rect(322, 40, 350, 140, fill=STEEL, outline=BLACK)
    ph.rect(314, 100, 358, 108, fill=DARK_STEEL)
    # Gland leak: drips and a puddle spreading across the walkway.
    for y in (232, 246, 258):
        ph.ellipse(300, y, 306, y + 8, fill=(70, 90, 110))
    ph.ellipse(240, 262, 400, 300, fill=(96, 104, 112))
    ph.ellipse(262, 268, 360, 290, fill=(120, 130, 140))
    ph.warning_sign(20, 40)
    return ph.save()


def ladder():
    ph = Photo("ladder", "Ladder L-07 · Warehouse aisle 4", wall=(205, 198, 180), seed=7)  # hazards: cracked rung, no feet, paint tin on top
    # Racking behind.
    for x in (20, 380):
        ph.rect(x, 20, x + 10, 230, fill=(40, 80, 160))
        ph.rect(x + 80, 20, x + 90, 230, fill=(40, 80, 160))
        for y in (70, 150):
            ph.rect(x, y, x + 90, y + 8, fill=(230, 120, 30))
            ph.rect(x + 12, y - 40, x + 44, y, fill=(170, 130, 90), outline=BLACK)
            ph.rect(x + 46, y - 30, x + 78, y, fill=(180, 140, 95), outline=BLACK)
    # A leaning ladder: rails and rungs.
    top, foot = (230, 30), (170, 320)
    top2, foot2 = (280, 30), (270, 320)
    ph.line([foot, top], fill=(180, 182, 186), width=7)
    ph.line([foot2, top2], fill=(180, 182, 186), width=7)
    for i in range(1, 10):
        t = i / 10
        a = (foot[0] + (top[0] - foot[0]) * t, foot[1] + (top[1] - foot[1]) * t)
        b = (foot2[0] + (top2[0] - foot2[0]) * t, foot2[1] + (top2[1] - foot2[1]) * t)
        if i == 4:  # the cracked, bent rung
            mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + 9)
            ph.line([a, (mid[0] - 3, mid[1])], fill=(160, 160, 164), width=5)
            ph.line([(mid[0] + 3, mid[1] - 4), b], fill=(160, 160, 164), width=5)
            ph.line([(mid[0] - 4, mid[1] - 6), (mid[0] + 4, mid[1] + 6)], fill=RED, width=1.5)
        else:
            ph.line([a, b], fill=(170, 172, 176), width=5)
    # Bare rail ends (no rubber feet) on a wet patch.
    ph.ellipse(140, 310, 300, 334, fill=(140, 148, 156))
    # A paint tin on the top step.
    ph.rect(236, 6, 262, 30, fill=(200, 200, 204), outline=BLACK)
    ph.rect(236, 12, 262, 22, fill=(200, 50, 50))
    ph.warning_sign(420, 250)
    return ph.save()


def forklift():
    ph = Photo("forklift", "FLT-3 forklift · Loading bay", wall=(190, 196, 204), seed=3)  # hazards: load raised while parked, worn rear tyre
    ph.shadow(90, 400, 312)
    # Counterweight body and cab.
    ph.poly([(170, 300), (170, 180), (230, 180), (250, 140), (380, 140), (400, 220), (400, 300)], fill=SAFETY_YELLOW, outline=BLACK)
    ph.rect(370, 200, 410, 300, fill=(60, 60, 62), outline=BLACK)
    # Overhead guard.
    ph.line([(232, 178), (240, 70), (360, 70), (372, 140)], fill=BLACK, width=6)
    ph.line([(240, 70), (360, 70)], fill=BLACK, width=8)
    # Seat and operator seat belt hanging loose.
    ph.rect(300, 110, 340, 140, fill=(30, 30, 30))
    ph.line([(336, 120), (346, 150), (344, 176)], fill=RED, width=2.5)
    # Mast and raised forks with a pallet of boxes, nobody in the cab.
    ph.rect(150, 30, 166, 300, fill=DARK_STEEL, outline=BLACK)
    ph.rect(136, 30, 150, 300, fill=(110, 116, 122), outline=BLACK)
    ph.rect(60, 120, 140, 128, fill=(50, 50, 52))
    ph.rect(60, 108, 140, 120, fill=(160, 120, 70), outline=BLACK)
    for x, y, w, h in ((64, 60, 36, 48), (100, 66, 36, 42), (74, 30, 40, 30)):
        ph.rect(x, y, x + w, y + h, fill=(190, 150, 100), outline=BLACK)
    # Wheels: the rear one worn smooth and chunked.
    ph.ellipse(180, 250, 250, 320, fill=BLACK)
    ph.ellipse(200, 270, 230, 300, fill=(150, 150, 150))
    ph.ellipse(330, 256, 392, 318, fill=(45, 45, 45))
    ph.poly([(336, 270), (346, 262), (350, 276)], fill=ph.img.getpixel((5 * S, 300 * S)))
    ph.ellipse(348, 274, 374, 300, fill=(150, 150, 150))
    # A worker walking under the raised load.
    ph.ellipse(86, 160, 104, 178, fill=(220, 180, 150))
    ph.ellipse(84, 156, 106, 168, fill=(240, 240, 240))
    ph.rect(84, 178, 106, 236, fill=(240, 130, 30))
    ph.line([(90, 236), (84, 300)], fill=(40, 50, 80), width=7)
    ph.line([(100, 236), (110, 300)], fill=(40, 50, 80), width=7)
    ph.warning_sign(430, 30)
    return ph.save()


def electrical_panel():
    ph = Photo("electrical-panel", "DB-2 distribution board · Assembly hall", wall=(210, 210, 204), seed=22)  # hazards: door open, frayed cable, blocked
    # The cabinet with its door swung open.
    ph.rect(120, 30, 300, 250, fill=(190, 192, 190), outline=BLACK, width=2)
    ph.poly([(300, 30), (370, 50), (370, 232), (300, 250)], fill=(176, 178, 176), outline=BLACK)
    ph.warning_sign(322, 90, size=30)
    # Breaker rows and busbar.
    ph.rect(132, 44, 288, 236, fill=(60, 64, 70))
    for row, y in enumerate((56, 108, 160)):
        for i in range(9):
            x = 140 + i * 16
            ph.rect(x, y, x + 12, y + 36, fill=(235, 235, 230), outline=BLACK)
            ph.rect(x + 3, y + (8 if (i + row) % 4 else 20), x + 9, y + (16 if (i + row) % 4 else 28), fill=BLACK)
    ph.rect(140, 212, 282, 222, fill=COPPER)
    # A cable pulled out of its gland, sheath split, copper strands showing, taped with duct tape.
    ph.line([(200, 236), (214, 262), (240, 286), (262, 300)], fill=BLACK, width=8)
    ph.rect(216, 262, 236, 280, fill=(150, 150, 150))
    for dx, dy in ((10, -6), (14, 2), (12, 9), (6, 12), (16, -2)):
        ph.line([(262, 300), (262 + dx, 300 + dy), (266 + dx * 1.5, 302 + dy * 1.3)], fill=COPPER, width=1.2)
    # Boxes stacked in front of the board.
    for x, y, w, h in ((60, 240, 80, 80), (136, 268, 70, 56), (70, 200, 60, 42)):
        ph.rect(x, y, x + w, y + h, fill=(184, 142, 96), outline=BLACK)
        ph.line([(x, y + h / 2), (x + w, y + h / 2)], fill=(150, 110, 70), width=2)
    return ph.save()


def pressure_vessel():
    ph = Photo("pressure-vessel", "V-12 air receiver · Boiler room", wall=(180, 176, 168), seed=12)  # hazards: gauge in the red, corrosion at the base
    ph.shadow(160, 320, 318)
    # Legs, then a vertical receiver with dished heads.
    for x in (176, 290):
        ph.rect(x, 250, x + 14, 316, fill=DARK_STEEL, outline=BLACK)
    ph.rect(160, 70, 320, 270, fill=(96, 130, 96), outline=BLACK, width=2)
    ph.ellipse(160, 40, 320, 100, fill=(96, 130, 96), outline=BLACK, width=2)
    ph.rect(161, 70, 319, 100, fill=(96, 130, 96))
    ph.ellipse(160, 240, 320, 300, fill=(96, 130, 96), outline=BLACK, width=2)
    ph.rect(161, 230, 319, 270, fill=(96, 130, 96))
    ph.line([(160, 70), (160, 270)], fill=BLACK, width=2)
    ph.line([(320, 70), (320, 270)], fill=BLACK, width=2)
    # Rust streaks and blisters near the bottom seam.
    for _ in range(26):
        x, y = ph.rng.uniform(168, 312), ph.rng.uniform(214, 286)
        r = ph.rng.uniform(3, 10)
        ph.ellipse(x - r, y - r * 0.7, x + r, y + r * 0.7, fill=(150, 78, 36) if r > 6 else (120, 60, 30))
    for x in (190, 236, 280):
        ph.line([(x, 180), (x + 3, 230)], fill=(150, 80, 40), width=3)
    # Nameplate.
    ph.rect(200, 110, 280, 150, fill=(220, 220, 210), outline=BLACK)
    ph.text((240, 122), "V-12", size=12, anchor="mm")
    ph.text((240, 139), "MAWP 10 bar", size=9, anchor="mm")
    # Gauge with its needle past the red line; relief valve with a wire through its lever.
    ph.line([(320, 120), (370, 120)], fill=STEEL, width=8)
    ph.ellipse(360, 80, 440, 160, fill=(245, 245, 240), outline=BLACK, width=3)
    ph.d.arc(p(368, 88, 432, 152), start=300, end=360, fill=RED, width=6 * S)
    for k in range(9):
        a = math.radians(135 + k * 33.75)
        ph.line([(400 + 30 * math.cos(a), 120 + 30 * math.sin(a)), (400 + 36 * math.cos(a), 120 + 36 * math.sin(a))], fill=BLACK, width=1.5)
    a = math.radians(20)
    ph.line([(400, 120), (400 + 32 * math.cos(a), 120 + 32 * math.sin(a))], fill=RED, width=3)
    ph.ellipse(396, 116, 404, 124, fill=BLACK)
    ph.text((400, 146), "bar", size=9, anchor="mm")
    ph.rect(232, 14, 248, 44, fill=(200, 160, 40), outline=BLACK)
    ph.line([(248, 20), (276, 12)], fill=BLACK, width=3)
    ph.line([(272, 8), (280, 40)], fill=(120, 120, 120), width=1.5)
    ph.warning_sign(30, 40)
    return ph.save()


def conveyor():
    ph = Photo("conveyor", "CV-5 belt conveyor · Packing line", wall=(200, 204, 196), seed=5)  # hazards: side guard off, pull-cord slack
    # Frame legs and the belt in perspective.
    for x in (40, 200, 360):
        ph.rect(x, 200, x + 12, 300, fill=DARK_STEEL, outline=BLACK)
    ph.poly([(0, 150), (480, 120), (480, 170), (0, 206)], fill=(70, 72, 76), outline=BLACK)
    ph.poly([(0, 140), (480, 110), (480, 124), (0, 154)], fill=(40, 40, 42))
    # Exposed rollers and the drive chain where the guard should be.
    for i in range(12):
        x = 20 + i * 38
        y = 178 - i * 2.6
        ph.ellipse(x, y, x + 22, y + 22, fill=(200, 202, 206), outline=BLACK)
        ph.ellipse(x + 8, y + 8, x + 14, y + 14, fill=DARK_STEEL)
    ph.line([(300, 190), (420, 178)], fill=BLACK, width=3)
    ph.line([(300, 204), (420, 192)], fill=BLACK, width=3)
    ph.ellipse(410, 170, 440, 200, fill=(225, 120, 40), outline=BLACK)
    # The removed guard panel leaning against a leg.
    ph.poly([(230, 300), (250, 214), (330, 212), (318, 302)], fill=SAFETY_YELLOW, outline=BLACK)
    for k in range(6):
        ph.line([(246 + k * 12, 222), (240 + k * 12, 294)], fill=(190, 150, 20), width=1.5)
    # Cartons on the belt.
    for x, y in ((60, 110), (180, 100), (330, 88)):
        ph.rect(x, y, x + 56, y + 40, fill=(186, 146, 98), outline=BLACK)
    # Emergency pull-cord sagging to the floor.
    ph.line([(0, 96), (120, 180), (200, 250), (260, 90), (480, 70)], fill=RED, width=2)
    ph.rect(460, 56, 476, 84, fill=SAFETY_YELLOW, outline=BLACK)
    ph.warning_sign(20, 20)
    return ph.save()


def grinder():
    ph = Photo("bench-grinder", "BG-1 bench grinder · Maintenance workshop", wall=(176, 186, 190), seed=9)  # hazards: no eye shield, tool rest gap
    # Workbench.
    ph.rect(40, 220, 440, 236, fill=(150, 110, 70), outline=BLACK)
    for x in (60, 410):
        ph.rect(x, 236, x + 14, 320, fill=DARK_STEEL)
    # Motor body and two wheels, the right one without its eye shield.
    ph.rect(190, 140, 300, 206, fill=(60, 120, 70), outline=BLACK)
    ph.rect(210, 206, 280, 220, fill=(50, 100, 60), outline=BLACK)
    for x0 in (110, 300):
        ph.d.pieslice(p(x0 - 10, 112, x0 + 90, 212), start=180, end=360, fill=(60, 120, 70), outline=BLACK)
        ph.ellipse(x0 + 4, 126, x0 + 76, 198, fill=(120, 110, 100), outline=BLACK)
        ph.ellipse(x0 + 30, 152, x0 + 50, 172, fill=DARK_STEEL)
    ph.rect(120, 96, 170, 104, fill=(200, 220, 230), outline=BLACK)  # left shield present
    ph.line([(120, 96), (150, 112)], fill=BLACK, width=2)
    # Tool rest set far from the right wheel.
    ph.rect(394, 190, 420, 196, fill=DARK_STEEL, outline=BLACK)
    # Sparks.
    for _ in range(40):
        a = ph.rng.uniform(math.radians(20), math.radians(80))
        r0, r1 = ph.rng.uniform(40, 48), ph.rng.uniform(60, 130)
        ph.line([(340 + r0 * math.cos(a), 162 + r0 * math.sin(a)), (340 + r1 * math.cos(a), 162 + r1 * math.sin(a))], fill=(255, 200, 60), width=1)
    # Safety glasses left on a hook, not worn.
    ph.ellipse(40, 60, 64, 76, fill=None, outline=BLACK, width=2)
    ph.ellipse(68, 60, 92, 76, fill=None, outline=BLACK, width=2)
    ph.line([(64, 68), (68, 68)], fill=BLACK, width=2)
    ph.warning_sign(430, 30)
    return ph.save()


def extinguisher():
    ph = Photo("fire-extinguisher", "FE-14 fire point · Warehouse", wall=(214, 206, 190), seed=14)  # hazards: extinguisher blocked by pallets, tag expired
    # Fire point sign and the extinguisher on its bracket.
    ph.rect(200, 30, 280, 70, fill=RED, outline=BLACK)
    ph.text((240, 50), "FIRE POINT", size=11, fill=(255, 255, 255), anchor="mm")
    ph.rect(226, 90, 254, 100, fill=DARK_STEEL)
    ph.rrect(214, 100, 266, 226, 16, fill=RED, outline=BLACK, width=2)
    ph.rect(230, 84, 250, 100, fill=BLACK)
    ph.line([(250, 92), (280, 110), (276, 180)], fill=BLACK, width=3)
    ph.rect(224, 140, 256, 176, fill=(240, 240, 230), outline=BLACK)
    # Service tag, last stamp a year ago.
    ph.rect(200, 110, 214, 130, fill=(250, 230, 120), outline=BLACK)
    ph.text((207, 120), "23", size=8, anchor="mm")
    # Pallets and shrink-wrapped stock stacked in front.
    for x, y in ((120, 290), (250, 296)):
        ph.rect(x, y, x + 140, y + 16, fill=(170, 130, 80), outline=BLACK)
        ph.rect(x + 6, y - 100, x + 134, y, fill=(210, 214, 220), outline=(120, 124, 130))
        for k in range(4):
            ph.line([(x + 6, y - 90 + k * 24), (x + 134, y - 80 + k * 24)], fill=(240, 242, 246), width=2)
    return ph.save()


def compressor():
    ph = Photo("compressor", "C-2 air compressor · Boiler room", wall=(190, 200, 196), seed=2)  # no hazard: guards fitted, tidy, tagged in date
    ph.shadow(70, 420, 300)
    # Horizontal receiver with a compressor on top, belt guard in place.
    ph.rrect(80, 200, 410, 290, 40, fill=(200, 60, 50), outline=BLACK, width=2)
    for x in (110, 370):
        ph.rect(x, 286, x + 16, 306, fill=DARK_STEEL)
    ph.rect(120, 130, 220, 200, fill=(70, 74, 80), outline=BLACK)
    for y in range(136, 196, 8):
        ph.line([(124, y), (216, y)], fill=(50, 54, 60), width=2)
    ph.rrect(240, 140, 360, 200, 10, fill=(40, 90, 150), outline=BLACK)
    ph.rrect(200, 110, 300, 196, 12, fill=SAFETY_YELLOW, outline=BLACK)
    for k in range(7):
        ph.line([(210 + k * 13, 116), (210 + k * 13, 190)], fill=(200, 160, 20), width=1.5)
    # Gauge in the green, a green inspection tag.
    ph.ellipse(370, 150, 410, 190, fill=(245, 245, 240), outline=BLACK, width=2)
    ph.d.arc(p(374, 154, 406, 186), start=150, end=260, fill=(40, 160, 60), width=4 * S)
    ph.line([(390, 170), (378, 162)], fill=BLACK, width=2)
    ph.rect(96, 222, 116, 248, fill=(60, 170, 80), outline=BLACK)
    ph.text((106, 235), "OK", size=8, fill=(255, 255, 255), anchor="mm")
    # Painted walkway lines, clear.
    ph.line([(0, 330), (480, 330)], fill=SAFETY_YELLOW, width=5)
    return ph.save()


def main():
    paths = [f() for f in (pump, ladder, forklift, electrical_panel, pressure_vessel, conveyor, grinder, extinguisher, compressor)]
    for path in paths:
        size = os.path.getsize(path)
        print(f"{os.path.relpath(path)}: {size} bytes")
        if size > 60_000:
            print(f"  too large (limit 60 KB)", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
