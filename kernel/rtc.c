// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the PC's battery-backed clock, the MC146818 CMOS RTC (Linux:
 * arch/x86/kernel/rtc.c mach_get_cmos_time(), drivers/rtc/rtc-mc146818-lib.c).
 * The date registers are read once update-in-progress is clear, twice
 * until two reads agree (an update may start between them), and decoded
 * from BCD unless status register B says binary. The RTC is taken to
 * keep UTC, as QEMU's does by default. Left out: the century register
 * from the ACPI FADT (years are 2000-2099), alarms, writing the clock.
 */
#include <asm/io.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>

#define RTC_PORT_INDEX 0x70
#define RTC_PORT_DATA 0x71
#define RTC_SECONDS 0x00
#define RTC_MINUTES 0x02
#define RTC_HOURS 0x04
#define RTC_DAY_OF_MONTH 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_REG_A 0x0a
#define RTC_UIP 0x80		/* update in progress */
#define RTC_REG_B 0x0b
#define RTC_24H 0x02
#define RTC_DM_BINARY 0x04

static DEFINE_SPINLOCK(rtc_lock);

static u8 cmos_read(u8 reg)
{
	outb(reg, RTC_PORT_INDEX);
	return inb(RTC_PORT_DATA);
}

static unsigned int bcd2bin(u8 val)
{
	return (val & 0x0f) + (val >> 4) * 10;
}

struct rtc_regs {
	u8 sec, min, hour, mday, mon, year;
};

static void read_regs(struct rtc_regs *r)
{
	while (cmos_read(RTC_REG_A) & RTC_UIP)
		;
	r->sec = cmos_read(RTC_SECONDS);
	r->min = cmos_read(RTC_MINUTES);
	r->hour = cmos_read(RTC_HOURS);
	r->mday = cmos_read(RTC_DAY_OF_MONTH);
	r->mon = cmos_read(RTC_MONTH);
	r->year = cmos_read(RTC_YEAR);
}

/* Seconds since 1970-01-01 UTC for a Gregorian date (Linux: mktime64). */
time64_t mktime64(unsigned int year, unsigned int mon, unsigned int day, unsigned int hour,
		  unsigned int min, unsigned int sec)
{
	/* Count March as month 1, so that February's leap day falls at the end. */
	if (0 >= (int)(mon -= 2)) {
		mon += 12;
		year -= 1;
	}
	return ((((time64_t)(year / 4 - year / 100 + year / 400 + 367 * mon / 12 + day) +
		  year * 365 - 719499) * 24 + hour) * 60 + min) * 60 + sec;
}

/* The RTC's time in seconds since the epoch, or 0 if it reads nonsense. */
time64_t mach_get_cmos_time(void)
{
	struct rtc_regs a, b;
	unsigned long flags;
	unsigned int hour;
	u8 status;

	spin_lock_irqsave(&rtc_lock, flags);
	do {
		read_regs(&a);
		read_regs(&b);
	} while (a.sec != b.sec || a.min != b.min || a.hour != b.hour);
	status = cmos_read(RTC_REG_B);
	spin_unlock_irqrestore(&rtc_lock, flags);

	hour = b.hour & 0x7f;
	if (!(status & RTC_DM_BINARY)) {
		b.sec = bcd2bin(b.sec);
		b.min = bcd2bin(b.min);
		hour = bcd2bin(hour);
		b.mday = bcd2bin(b.mday);
		b.mon = bcd2bin(b.mon);
		b.year = bcd2bin(b.year);
	}
	/* 12-hour mode: bit 7 of the hour is PM, and 12 is midnight or noon. */
	if (!(status & RTC_24H))
		hour = (hour % 12) + ((b.hour & 0x80) ? 12 : 0);
	if (b.mon < 1 || b.mon > 12 || b.mday < 1 || b.mday > 31 || hour > 23 || b.min > 59 ||
	    b.sec > 59)
		return 0;
	return mktime64(2000 + b.year, b.mon, b.mday, hour, b.min, b.sec);
}
