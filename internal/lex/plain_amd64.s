//go:build amd64 && !purego

#include "textflag.h"

// 32 copies of each byte that plainBlocks compares with or adds; the SSE2
// loop reads the first 16.
#define CONST(off, v) \
	DATA consts<>+(off+0x00)(SB)/8, v; \
	DATA consts<>+(off+0x08)(SB)/8, v; \
	DATA consts<>+(off+0x10)(SB)/8, v; \
	DATA consts<>+(off+0x18)(SB)/8, v

CONST(0x00, $0x2020202020202020) // ' '
CONST(0x20, $0x7f7f7f7f7f7f7f7f) // DEL
CONST(0x40, $0xc0c0c0c0c0c0c0c0) // above the continuation bytes
CONST(0x60, $0xbdbdbdbdbdbdbdbd) // moves 0xC3 to 0x80
CONST(0x80, $0x8989898989898989) // above 0xCB so moved
CONST(0xa0, $0xf0f0f0f0f0f0f0f0) // the first byte of an emoji
CONST(0xc0, $0x9f9f9f9f9f9f9f9f) // its second byte
CONST(0xe0, $0xacacacacacacacac) // above its third byte
CONST(0x100, $0xefefefefefefefef) // the bytes of U+FE0F
CONST(0x120, $0xb8b8b8b8b8b8b8b8)
CONST(0x140, $0x8f8f8f8f8f8f8f8f)
GLOBL consts<>(SB), RODATA|NOPTR, $0x160

// LETTERS_OR_STOP ends a block. R8 holds the lead bytes from 0xC3 to
// 0xCB, R13 the continuation bytes: a lead before a continuation byte
// starts a letter from U+00C0 to U+02FF, whose two bytes it takes out of
// BX. If a byte is left in BX, it goes to stop; otherwise it counts the
// spaces after a space (R12), keeps whether the block ends with a space
// (R10), and moves CX to the next block.
//
// R8 & (R13 >> 1) has a bit for each lead of a letter; no two of its
// bits are next to each other, as no byte is both a lead and a
// continuation byte. Adding it to itself shifted by one, as LEAQ does,
// then sets the bits of both bytes of each letter, with no carry. Those
// bytes are all in BX, as BX holds every byte at or above 0x80, so an
// XOR takes them out, and sets the flags for JNZ.
#define LETTERS_OR_STOP \
	SHRQ $1, R13; \
	ANDQ R13, R8; \
	LEAQ (R8)(R8*2), DI; \
	XORQ DI, BX; \
	JNZ  stop; \
	NEXT_BLOCK

// NEXT_BLOCK ends a block with no stop left in BX.
#define NEXT_BLOCK \
	ORQ  R12, R9; \
	MOVQ R11, R10; \
	SHRQ $31, R10; \
	ADDQ $32, CX

// The steps of a block, as macros that both the loop and the tail use.
// SSE2_STOPS reads the block at CX into X0 and X5 and sets BX to the bytes
// below 0x20, at or above 0x80, or 0x7F.
#define SSE2_STOPS \
	MOVOU    (SI)(CX*1), X0; \
	MOVOU    16(SI)(CX*1), X5; \
	MOVOU    X8, X1; \
	PCMPGTB  X0, X1; \
	MOVOU    X0, X2; \
	PCMPEQB  X9, X2; \
	POR      X2, X1; \
	PMOVMSKB X1, BX; \
	MOVOU    X8, X6; \
	PCMPGTB  X5, X6; \
	MOVOU    X5, X7; \
	PCMPEQB  X9, X7; \
	POR      X7, X6; \
	PMOVMSKB X6, DI; \
	SHLQ     $16, DI; \
	ORQ      DI, BX

// SSE2_SPACES sets R11 to the spaces of the block.
#define SSE2_SPACES \
	MOVOU    X0, X3; \
	PCMPEQB  X8, X3; \
	PMOVMSKB X3, R11; \
	MOVOU    X5, X7; \
	PCMPEQB  X8, X7; \
	PMOVMSKB X7, DI; \
	SHLQ     $16, DI; \
	ORQ      DI, R11

// SSE2_LETTERS sets R13 to the continuation bytes, 0x80 to 0xBF, and R8
// to the lead bytes from 0xC3 to 0xCB, moved to 0x80 to 0x88 to compare.
#define SSE2_LETTERS \
	MOVOU    consts<>+0x40(SB), X4; \
	MOVOU    X4, X1; \
	PCMPGTB  X0, X1; \
	PMOVMSKB X1, R13; \
	PCMPGTB  X5, X4; \
	PMOVMSKB X4, DI; \
	SHLQ     $16, DI; \
	ORQ      DI, R13; \
	MOVOU    consts<>+0x60(SB), X6; \
	MOVOU    consts<>+0x80(SB), X7; \
	MOVOU    X0, X1; \
	PADDB    X6, X1; \
	MOVOU    X7, X2; \
	PCMPGTB  X1, X2; \
	PMOVMSKB X2, R8; \
	PADDB    X5, X6; \
	PCMPGTB  X6, X7; \
	PMOVMSKB X7, DI; \
	SHLQ     $16, DI; \
	ORQ      DI, R8

// AVX2_STOPS, AVX2_SPACES and AVX2_LETTERS are the same steps with AVX2,
// the block in Y0.
#define AVX2_STOPS \
	VMOVDQU   (SI)(CX*1), Y0; \
	VPCMPGTB  Y0, Y8, Y1; \
	VPCMPEQB  Y9, Y0, Y2; \
	VPOR      Y2, Y1, Y1; \
	VPMOVMSKB Y1, BX

#define AVX2_SPACES \
	VPCMPEQB  Y8, Y0, Y3; \
	VPMOVMSKB Y3, R11

#define AVX2_LETTERS \
	VPCMPGTB  Y0, Y10, Y4; \
	VPMOVMSKB Y4, R13; \
	VPADDB    Y11, Y0, Y5; \
	VPCMPGTB  Y5, Y12, Y6; \
	VPMOVMSKB Y6, R8

// AVX2_SYMBOLS takes out of BX the emoji from U+1F000 to U+1FAFF (F0 9F,
// 80 to AB, a continuation byte) and the U+FE0F (EF B8 8F) that lie whole
// in the block, Y0, and sets the flags for JNZ: ZF is set when no stop is
// left. These are the characters that the code at stop passes over one at
// a time, reading the block again after each; every type line of a digest
// starts with one or two of them.
//
// R13 holds the continuation bytes shifted right by one (LETTERS_OR_STOP),
// without those past the end of s in the last block: a character's last
// byte must be one of them, which keeps out a character that the end of s
// cuts. Each byte of such a character is at or above 0x80, so in BX, and
// none is a lead from 0xC3 to 0xCB or follows one, so LETTERS_OR_STOP left
// it there. No two emoji, and no two U+FE0F, overlap: their first bytes
// are at least 4 and 3 bytes apart, and the multiplications by 15 and 7
// below set the bits of each character's bytes with no carry.
#define AVX2_SYMBOLS \
	VPCMPEQB  consts<>+0xa0(SB), Y0, Y1; \
	VPMOVMSKB Y1, DI; \
	AND_BYTE_AT(consts<>+0xc0(SB), 1); \
	VMOVDQU   consts<>+0xe0(SB), Y3; \
	VPCMPGTB  Y0, Y3, Y3; \
	VPMOVMSKB Y3, R8; \
	SHRL      $2, R8; \
	ANDL      R8, DI; \
	AND_LAST_AT(2); \
	LEAQ      (DI)(DI*2), DI; \
	LEAQ      (DI)(DI*4), DI; \
	NOTQ      DI; \
	ANDQ      DI, BX; \
	VPCMPEQB  consts<>+0x100(SB), Y0, Y1; \
	VPMOVMSKB Y1, DI; \
	AND_BYTE_AT(consts<>+0x120(SB), 1); \
	AND_BYTE_AT(consts<>+0x140(SB), 2); \
	AND_LAST_AT(1); \
	LEAQ      (DI)(DI*2), R8; \
	SHLQ      $2, DI; \
	ORQ       R8, DI; \
	NOTQ      DI; \
	ANDQ      DI, BX

// AND_BYTE_AT keeps in DI, a mask of the block Y0, the bits of the bytes
// that the byte c, 32 copies of it, follows k bytes after.
#define AND_BYTE_AT(c, k) \
	VPCMPEQB  c, Y0, Y2; \
	VPMOVMSKB Y2, R8; \
	SHRL      $k, R8; \
	ANDL      R8, DI

// AND_LAST_AT keeps in DI the bits of the bytes that a continuation byte
// in s follows k+1 bytes after, from R13 (see AVX2_SYMBOLS).
#define AND_LAST_AT(k) \
	MOVL R13, R8; \
	SHRL $k, R8; \
	ANDL R8, DI

// STOP_AT counts the spaces before the first stop left in BX, moves CX
// from the block's start, which it keeps in AX, to the stop, and loads the
// stop's byte in R8; it goes to ascii when it is an ASCII byte. It leaves
// the stops (BX) and the pairs of spaces (R12) as they are: symbols goes
// back to the block from there, without waiting for BSFQ. AX is free
// here: the loops set it again before they use it.
#define STOP_AT \
	MOVQ CX, AX; \
	MOVQ BX, DI; \
	NEGQ DI; \
	ANDQ BX, DI; \
	DECQ DI; \
	ANDQ R12, DI; \
	ORQ  DI, R9; \
	BSFQ BX, DI; \
	ADDQ DI, CX; \
	XORQ R10, R10; \
	MOVBLZX (SI)(CX*1), R8; \
	CMPL R8, $0x80; \
	JCS  ascii

// SSE2_STORE and AVX2_STORE copy the block just read to the same offset
// of the buffer at R14, unless R14 is nil. The last block may run past the
// end of s: the buffer has room for it (see plainBlocks).
#define SSE2_STORE(skip) \
	TESTQ R14, R14; \
	JEQ   skip; \
	MOVOU X0, (R14)(CX*1); \
	MOVOU X5, 16(R14)(CX*1); \
skip:

#define AVX2_STORE(skip) \
	TESTQ   R14, R14; \
	JEQ     skip; \
	VMOVDQU Y0, (R14)(CX*1); \
skip:

// PAIRS sets R12 to the spaces after a space: R11 shifted by one, with
// the byte before the block (R10, 0 or 1) in bit 0, and R11. R11 has 32
// bits, so LEAQ shifts it with no loss.
#define PAIRS \
	LEAQ (R10)(R11*2), R12; \
	ANDQ R11, R12

// TAIL_MASK begins the last block, at CX, where less than a block is
// left: it goes to done when nothing is left, or when the 32 bytes at CX
// would cross into the next page, which may not be mapped; Plain then
// reads the rest with plainWords (plainRest). Otherwise it sets AX to a bit for
// each byte of the block that is in s. The bytes past the end are read,
// from the same page, but their bits are cleared before any use: the
// stops (BX), the spaces (R11) and the continuation bytes (R13), so that
// a lead byte at the end does not pair with a byte past it.
#define TAIL_MASK \
	CMPQ CX, DX; \
	JCC  done; \
	LEAQ (SI)(CX*1), AX; \
	ANDQ $4095, AX; \
	CMPQ AX, $(4096-32); \
	JHI  done; \
	MOVQ CX, DI; \
	MOVQ DX, CX; \
	SUBQ DI, CX; \
	MOVQ $1, AX; \
	SHLQ CX, AX; \
	DECQ AX; \
	MOVQ DI, CX

// func plainBlocks(dst *byte, s string, i int) (j int, double, eol bool)
//
// A block is 32 bytes, read as two SSE registers, X0 and X5, or with AVX2
// as one, Y0. PCMPGTB compares signed bytes: 0x80 to 0xFF are -128 to -1,
// below every ASCII byte. Each comparison gives 0xFF or 0x00 per byte, and
// PMOVMSKB gathers the results as the bits of a mask: the masks below have
// bit k set for byte k of the block.
TEXT ·plainBlocks(SB), NOSPLIT, $0-42
	MOVB $0, eol+41(FP)
	MOVQ dst+0(FP), R14 // where to copy the blocks, or nil
	MOVQ s_base+8(FP), SI
	MOVQ s_len+16(FP), DX
	MOVQ i+24(FP), CX
	XORQ R9, R9 // two spaces in a row, once not zero
	XORQ R10, R10 // bit 0: the byte before the block is a space
	CMPB ·useAVX2(SB), $0
	JNE  avx2
	MOVOU consts<>+0x00(SB), X8
	MOVOU consts<>+0x20(SB), X9

check: // AX is the last offset where a whole block starts
	LEAQ -32(DX), AX
	CMPQ CX, AX
	JGT  tail // less than a block left

loop:
	SSE2_STOPS
	SSE2_STORE(stored)
	SSE2_SPACES
	PAIRS

	// Take out of BX the letters from U+00C0 to U+02FF that lie whole in
	// the block: a lead byte from 0xC3 to 0xCB before a continuation
	// byte. The others, U+00A0 to U+00BF among them, are left to the
	// code below. This is done for every block, without a branch on
	// whether BX is zero: in text with accents, such a branch is taken
	// or not at random, and mispredicted often.
	SSE2_LETTERS
	LETTERS_OR_STOP
	CMPQ CX, AX
	JLE  loop

tail: // the last bytes, as one block with those past the end masked
	TAIL_MASK
	SSE2_STOPS
	SSE2_STORE(tailstored)
	ANDQ AX, BX
	SSE2_SPACES
	ANDQ AX, R11
	PAIRS
	SSE2_LETTERS
	ANDQ AX, R13
	LETTERS_OR_STOP
	JMP  end

stop:
	// Go to the first byte left in BX; count the spaces before it. Most
	// often it is the line's end, an ASCII byte: then go to ascii.
	STOP_AT

	// At an emoji or U+FE0F, first byte F0 or EF in R8, with AVX2, take
	// out those of the block at once (symbols). Other stops, such as the
	// letters of other scripts (below EF) or the combining marks of a
	// text in NFD, go on here at the cost of one compare.
	CMPL R8, $0xEF
	JCS  scalar
	CMPL R8, $0xF0
	JHI  scalar
	CMPB ·useAVX2(SB), $0
	JNE  symbols

scalar:
	// Pass over a character there that Plain passes over, as plainChar
	// tells, and read on after it: the byte before is not a space. AX
	// holds the next four bytes, the first in its low byte; with fewer
	// left, Plain reads on without plainBlocks.
	LEAQ 4(CX), DI
	CMPQ DI, DX
	JHI  done
	MOVL (SI)(CX*1), AX
	TESTQ R14, R14
	JEQ  loaded
	MOVL AX, (R14)(CX*1) // the character may end past the block

loaded:

	// U+1F000 to U+1FAFF: F0 9F, 80 to AB, a continuation byte.
	MOVL AX, R8
	ANDL $0xC0C0FFFF, R8
	CMPL R8, $0x80809FF0
	JNE  selector
	MOVL AX, R8
	SHRL $16, R8
	CMPB R8, $0xAB
	JHI  done
	ADDQ $4, CX
	JMP  resume

selector: // U+FE0F: EF B8 8F.
	MOVL AX, R8
	ANDL $0xFFFFFF, R8
	CMPL R8, $0x8FB8EF
	JEQ  three

	// U+2002 to U+203F but U+200B, U+2028 and U+2029: E2 80, 82 to BF.
	MOVL AX, R8
	ANDL $0xC0FFFF, R8
	CMPL R8, $0x8080E2
	JNE  two
	MOVL AX, R8
	SHRL $16, R8
	CMPB R8, $0x82
	JCS  done
	CMPB R8, $0x8B
	JEQ  done
	CMPB R8, $0xA8
	JEQ  done
	CMPB R8, $0xA9
	JEQ  done

three:
	ADDQ $3, CX
	JMP  resume

two: // U+00A0 to U+02FF: C2, A0 to BF; or C3 to CB, a continuation byte.
	MOVL AX, R8
	ANDL $0xC000, R8
	CMPL R8, $0x8000
	JNE  done
	CMPB AX, $0xC2
	JEQ  c2
	SUBB $0xC3, AX
	CMPB AX, $8
	JHI  done
	ADDQ $2, CX
	JMP  resume

c2:
	SHRL $8, AX
	CMPB AX, $0xA0
	JCS  done
	ADDQ $2, CX

resume: // read on with the loop that stopped
	CMPB ·useAVX2(SB), $0
	JNE  avx2check
	JMP  check

ascii: // at a '\n' with no two spaces in a row before it, set eol
	CMPL  R8, $0x0A
	JNE   done
	TESTQ R9, R9
	JNE   done
	MOVB  $1, eol+41(FP)

done:
	CMPB ·useAVX2(SB), $0
	JEQ  return
	VZEROUPPER

return:
	MOVQ  CX, j+32(FP)
	TESTQ R9, R9
	SETNE double+40(FP)
	RET

	// The same loop with AVX2: one register holds the whole block.
avx2:
	VMOVDQU consts<>+0x00(SB), Y8
	VMOVDQU consts<>+0x20(SB), Y9
	VMOVDQU consts<>+0x40(SB), Y10
	VMOVDQU consts<>+0x60(SB), Y11
	VMOVDQU consts<>+0x80(SB), Y12

avx2check:
	LEAQ -32(DX), AX
	CMPQ CX, AX
	JGT  avx2tail

avx2loop:
	AVX2_STOPS
	AVX2_STORE(avx2stored)
	AVX2_SPACES
	PAIRS
	AVX2_LETTERS
	LETTERS_OR_STOP
	CMPQ CX, AX
	JLE  avx2loop

avx2tail:
	TAIL_MASK
	AVX2_STOPS
	AVX2_STORE(avx2tailstored)
	ANDQ AX, BX
	AVX2_SPACES
	ANDQ AX, R11
	PAIRS
	AVX2_LETTERS
	ANDQ AX, R13
	LETTERS_OR_STOP
	JMP  end

symbols: // AVX2, at the first byte of an emoji or U+FE0F of the block Y0 at AX
	MOVQ AX, CX
	AVX2_SYMBOLS
	JNZ  scalarstop
	NEXT_BLOCK
	CMPQ CX, DX
	JHI  end // the block was the last, read past the end of s
	JMP  avx2check

scalarstop: // a stop is left in the block: as at stop, without symbols
	STOP_AT
	JMP  scalar

end: // the block held no stop: all of s is plain
	MOVQ DX, CX
	JMP  done
