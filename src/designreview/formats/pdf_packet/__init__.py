"""The printed review packet (PRODUCT.md section 6): ``write_packet``, its options."""

from designreview.formats.pdf_packet.options import PacketError, PacketOptions
from designreview.formats.pdf_packet.packet import write_packet

__all__ = ["PacketError", "PacketOptions", "write_packet"]
