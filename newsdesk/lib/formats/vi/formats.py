# Dates as a Vietnamese newspaper prints them: "9 tháng 3 năm 2025 lúc 07:13".
DATE_FORMAT = r"j \t\há\n\g n \nă\m Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j \t\há\n\g n \nă\m Y \l\ú\c H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
YEAR_MONTH_FORMAT = r"\t\há\n\g n/Y"
MONTH_DAY_FORMAT = r"j \t\há\n\g n"
