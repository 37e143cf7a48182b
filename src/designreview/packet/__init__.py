"""The printed review packet (PRODUCT.md section 6): ``write_packet``, its options."""

from designreview.packet.options import PacketError, PacketOptions
from designreview.packet.packet import write_packet

__all__ = ["PacketError", "PacketOptions", "write_packet"]
