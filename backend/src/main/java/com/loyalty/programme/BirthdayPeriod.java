package com.loyalty.programme;

/** How long the birthday bonus lasts: the day, its week (Monday to Sunday) or its month. */
public enum BirthdayPeriod { DAY, WEEK, MONTH }
