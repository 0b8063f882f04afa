//go:build amd64 && !purego

#include "textflag.h"

// Sixteen copies of each byte that plainBlocks compares with.
DATA consts<>+0x00(SB)/8, $0x2020202020202020 // X8: ' '
DATA consts<>+0x08(SB)/8, $0x2020202020202020
DATA consts<>+0x10(SB)/8, $0x7f7f7f7f7f7f7f7f // X9: DEL
DATA consts<>+0x18(SB)/8, $0x7f7f7f7f7f7f7f7f
DATA consts<>+0x20(SB)/8, $0xc0c0c0c0c0c0c0c0 // above the continuation bytes
DATA consts<>+0x28(SB)/8, $0xc0c0c0c0c0c0c0c0
DATA consts<>+0x30(SB)/8, $0xc2c2c2c2c2c2c2c2 // the lead of U+0080 to U+00BF
DATA consts<>+0x38(SB)/8, $0xc2c2c2c2c2c2c2c2
DATA consts<>+0x40(SB)/8, $0xcccccccccccccccc // above the leads of U+00C0 to U+02FF
DATA consts<>+0x48(SB)/8, $0xcccccccccccccccc
DATA consts<>+0x50(SB)/8, $0x9f9f9f9f9f9f9f9f // below the continuation bytes of U+00A0 to U+00BF
DATA consts<>+0x58(SB)/8, $0x9f9f9f9f9f9f9f9f
GLOBL consts<>(SB), RODATA|NOPTR, $0x60

// func plainBlocks(s string, i int) (j int, double bool)
//
// PCMPGTB compares signed bytes: 0x80 to 0xFF are -128 to -1, below every
// ASCII byte. Each comparison gives 0xFF or 0x00 per byte, and PMOVMSKB
// gathers the sixteen results as the bits of a mask, bit k for byte k.
TEXT ·plainBlocks(SB), NOSPLIT, $0-33
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), DX
	MOVQ i+16(FP), CX
	XORQ R9, R9 // two spaces in a row, once not zero
	XORQ R10, R10 // bit 0: the byte before the block is a space
	MOVOU consts<>+0x00(SB), X8
	MOVOU consts<>+0x10(SB), X9

loop:
	LEAQ 16(CX), AX
	CMPQ AX, DX
	JHI  done // less than a block left
	MOVOU (SI)(CX*1), X0

	// BX: the bytes below 0x20, at or above 0x80, or 0x7F.
	MOVOU   X8, X1
	PCMPGTB X0, X1
	MOVOU   X0, X2
	PCMPEQB X9, X2
	POR     X2, X1
	PMOVMSKB X1, BX

	// R11: the spaces. R12: the spaces after a space.
	MOVOU   X0, X3
	PCMPEQB X8, X3
	PMOVMSKB X3, R11
	MOVQ R11, R12
	SHLQ $1, R12
	ORQ  R10, R12
	ANDQ R11, R12

	TESTQ BX, BX
	JNZ   special

next:
	ORQ  R12, R9
	MOVQ R11, R10
	SHRQ $15, R10
	ADDQ $16, CX
	JMP  loop

special:
	// Take out of BX the two-byte characters from U+00A0 to U+02FF that
	// lie whole in the block: a lead from 0xC3 to 0xCB, or 0xC2 before a
	// byte from 0xA0 to 0xBF, followed by a continuation byte.
	MOVOU   consts<>+0x20(SB), X4
	PCMPGTB X0, X4 // continuation bytes, 0x80 to 0xBF
	PMOVMSKB X4, R13
	MOVOU   consts<>+0x30(SB), X11
	MOVOU   X0, X5
	PCMPGTB X11, X5
	MOVOU   consts<>+0x40(SB), X6
	PCMPGTB X0, X6
	PAND    X6, X5 // 0xC3 to 0xCB
	PMOVMSKB X5, R8
	MOVOU   X0, X6
	PCMPEQB X11, X6 // 0xC2
	PMOVMSKB X6, DI
	MOVOU   consts<>+0x50(SB), X13
	MOVOU   X0, X7
	PCMPGTB X13, X7
	PAND    X4, X7 // 0xA0 to 0xBF
	PMOVMSKB X7, AX
	SHRQ $1, AX
	ANDQ AX, DI // 0xC2 before 0xA0 to 0xBF
	ORQ  DI, R8 // the leads
	MOVQ R13, DI
	SHRQ $1, DI
	ANDQ DI, R8 // a lead before a continuation byte
	MOVQ R8, DI
	SHLQ $1, DI
	ORQ  R8, DI // both bytes of each such character
	NOTQ DI
	ANDQ DI, BX
	JZ   next

	// Go to the first byte left in BX; count the spaces before it.
	MOVQ BX, DI
	NEGQ DI
	ANDQ BX, DI
	DECQ DI
	ANDQ DI, R12
	ORQ  R12, R9
	BSFQ BX, BX
	ADDQ BX, CX

	// Pass over a character there that Plain passes over, as plainChar
	// tells, and read on after it: the byte before is not a space. AX
	// holds the next four bytes, the first in its low byte; with fewer
	// left, Plain reads on without plainBlocks.
	XORQ R10, R10
	LEAQ 4(CX), DI
	CMPQ DI, DX
	JHI  done
	MOVL (SI)(CX*1), AX

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
	JMP  loop

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
	JMP  loop

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
	JMP  loop

c2:
	SHRL $8, AX
	CMPB AX, $0xA0
	JCS  done
	ADDQ $2, CX
	JMP  loop

done:
	MOVQ  CX, j+24(FP)
	TESTQ R9, R9
	SETNE double+32(FP)
	RET
