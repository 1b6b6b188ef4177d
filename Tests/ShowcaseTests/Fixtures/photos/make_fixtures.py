"""Writes the photo fixtures of the tests (run once; the files are committed).

Needs the `vips` command (Debian's libvips-tools). `telephone.jpg` is a phone photo as a phone writes it: held
sideways (EXIF orientation 6, « rotate 90° ») with the GPS position of where it was taken and the phone's make,
all of which the site must not publish. The others are the awkward cases: CMYK, 16-bit, an animation, a photo
too small for the page, one too large to decode, a truncated file.
"""
import pathlib
import struct
import subprocess

HERE = pathlib.Path(__file__).resolve().parent


def vips(*arguments):
    subprocess.run(["vips", *map(str, arguments)], check=True, cwd=HERE)


def exif(orientation: int) -> bytes:
    """An APP1 Exif segment: IFD0 with Make, Orientation and a GPS IFD (latitude 44.4° N, longitude 0.7° E)."""
    make = b"Telephone\x00"
    entries0 = 3
    ifd0_offset = 8
    ifd0_size = 2 + entries0 * 12 + 4
    make_offset = ifd0_offset + ifd0_size
    gps_offset = make_offset + len(make)
    gps_entries = 4
    gps_size = 2 + gps_entries * 12 + 4
    rationals_offset = gps_offset + gps_size
    tiff = bytearray(b"II*\x00" + struct.pack("<I", ifd0_offset))
    tiff += struct.pack("<H", entries0)
    tiff += struct.pack("<HHII", 0x010F, 2, len(make), make_offset)           # Make
    tiff += struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0)                # Orientation
    tiff += struct.pack("<HHII", 0x8825, 4, 1, gps_offset)                     # GPSInfo
    tiff += struct.pack("<I", 0)
    tiff += make
    tiff += struct.pack("<H", gps_entries)
    tiff += struct.pack("<HHI4s", 0x0001, 2, 2, b"N\x00\x00\x00")             # GPSLatitudeRef
    tiff += struct.pack("<HHII", 0x0002, 5, 3, rationals_offset)              # GPSLatitude
    tiff += struct.pack("<HHI4s", 0x0003, 2, 2, b"E\x00\x00\x00")             # GPSLongitudeRef
    tiff += struct.pack("<HHII", 0x0004, 5, 3, rationals_offset + 24)         # GPSLongitude
    tiff += struct.pack("<I", 0)
    tiff += struct.pack("<6I", 44, 1, 24, 1, 0, 1)
    tiff += struct.pack("<6I", 0, 1, 42, 1, 0, 1)
    payload = b"Exif\x00\x00" + bytes(tiff)
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def main():
    vips("xyz", "/tmp/xy.v", 1600, 1200)
    vips("extract_band", "/tmp/xy.v", "/tmp/x.v", 0)
    vips("extract_band", "/tmp/xy.v", "/tmp/y.v", 1)
    vips("linear", "/tmp/x.v", "/tmp/r.v", 0.159, 0, "--uchar")
    vips("linear", "/tmp/y.v", "/tmp/g.v", 0.21, 0, "--uchar")
    vips("invert", "/tmp/r.v", "/tmp/b.v")
    vips("bandjoin", "/tmp/r.v /tmp/g.v /tmp/b.v", "/tmp/rgb.v")
    vips("copy", "/tmp/rgb.v", "/tmp/base.jpg[Q=80,strip]")
    base = pathlib.Path("/tmp/base.jpg").read_bytes()
    # Stored 1600 × 1200 (landscape), shown 1200 × 1600 (portrait) once turned upright.
    (HERE / "telephone.jpg").write_bytes(base[:2] + exif(6) + base[2:])
    vips("colourspace", "/tmp/rgb.v", "/tmp/cmyk.v", "cmyk")
    vips("copy", "/tmp/cmyk.v", HERE / "cmjn.jpg[Q=80,strip]")
    vips("linear", "/tmp/rgb.v", "/tmp/rgb16.v", 257, 0)
    vips("cast", "/tmp/rgb16.v", "/tmp/rgb16u.v", "ushort")
    vips("resize", "/tmp/rgb16u.v", "/tmp/rgb16s.v", 0.15)
    vips("copy", "/tmp/rgb16s.v", str(HERE / "seize-bits.png") + "[bitdepth=16]")
    vips("resize", "/tmp/rgb.v", "/tmp/small.v", 0.2)
    vips("copy", "/tmp/small.v", HERE / "petite.jpg[Q=80,strip]")
    vips("black", HERE / "immense.png", 8000, 6000)
    (HERE / "tronquee.jpg").write_bytes(base[: len(base) // 3])
    # The smallest animation: two 1 × 1 frames and a loop, written byte by byte.
    frame = b"!\xf9\x04\x04\x0a\x00\x00\x00" + b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00"
    loop = b"!\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    header = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00"
    (HERE / "animation.gif").write_bytes(header + loop + frame + frame + b";")

if __name__ == "__main__":
    main()
