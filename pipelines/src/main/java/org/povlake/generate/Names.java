package org.povlake.generate;

import java.util.SplittableRandom;

/**
 * Invented Chinese names: a surname and one or two given-name characters chosen by sex and
 * generation.
 */
final class Names {
    private static final Weighted<String> SURNAMES =
            Weighted.of(
                    "王", 9, "李", 9, "张", 8, "刘", 6, "陈", 5, "杨", 6, "赵", 4, "马", 7, "牛", 2, "何", 2,
                    "魏", 2, "苟", 1, "汪", 2, "石", 2, "冯", 2, "郭", 3, "任", 2, "康", 1, "景", 1, "包", 1,
                    "雷", 2, "董", 2, "安", 2, "丁", 1, "罗", 2, "韩", 2, "蒲", 1, "柳", 1, "杜", 2, "尚", 1,
                    "祁", 1, "妥", 1, "马", 1);
    private static final String[] OLD_M = chars("福贵成生荣德发山财林文忠宝海明全玉");
    private static final String[] OLD_F = chars("秀英兰芳梅琴花珍凤莲桂香玉翠菊");
    private static final String[] MID_M = chars("建国军平明强文武海斌伟刚林华彦喜军勇峰");
    private static final String[] MID_F = chars("霞娟燕丽萍红艳芳琴玲梅静慧");
    private static final String[] YOUNG_M = chars("浩宇轩涛博俊杰鹏子豪睿泽阳晨航");
    private static final String[] YOUNG_F = chars("欣怡佳雨婷诗梦萱悦琳涵彤瑶妍");

    private Names() {}

    private static String[] chars(String s) {
        return s.codePoints().mapToObj(Character::toString).toArray(String[]::new);
    }

    static String surname(SplittableRandom r) {
        return SURNAMES.pick(r);
    }

    static String name(SplittableRandom r, String surname, boolean male, int birthYear) {
        String[] pool =
                birthYear < 1960
                        ? (male ? OLD_M : OLD_F)
                        : birthYear < 1995 ? (male ? MID_M : MID_F) : (male ? YOUNG_M : YOUNG_F);
        String given = Draw.oneOf(r, pool);
        if (r.nextInt(3) > 0) {
            given += Draw.oneOf(r, pool);
        }
        return surname + given;
    }
}
