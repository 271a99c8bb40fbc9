"""Masking of the secrets a report of a leak pastes (``mask_secrets``, ``mask_report``), for the incident's
alert, record and export. Its own module: its patterns cost CPU to compile, and most of what imports
bot.incidents (the sweep's re-alerts from a cron ``kessai remind``, ``kessai config check``,
``kessai incidents export``) never masks anything — bot.incidents imports it where it masks."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.incidents import SECRET_MASK
from bot.rules import card_number_spans, my_number_spans, secret_value_spans
from bot.rules.credentials import (
    A_CHIEFS_TITLE,
    PASSWORD_LABEL,
    RESCAN_LIMIT,
    SPELT_OUT_LABEL,
    a_service_logged_in_to,
    before_next_field,
    label_word_first,
    names_the_password_below,
    password_only_word,
    product_or_version_word,
)

# What follows a password's label in a report: the rule engine leaves a weak value alone (「abc123」,
# 「12345678」), as a draft's 「パスワード 1234 のような…」 is more often advice than a leak; in a
# report of an incident it is the leaked password, and it was echoed into the escalation channel.
# A tool's name hidden by mistake (「パスワードは Google で管理」) costs the record one word. A label
# is read in any case, as confidential.secret reads it in a draft: 「Pin: 1234」「pin：1234」 were echoed;
# and in full-width letters, as a Japanese input method types it: 「ＰＩＮ：１２３４」 was echoed too.
_LABEL_NOUNS = ("code", "number", r"no\.", "reset", "change", "changed", "manager", "policy", "list", "file", "expired",
                "leak", "leaked", "recovery", "hint", "update", "updated", "settings?", "login", "lock", "locked",
                "protected", "sharing", "spray(?:ing)?", "attack")
_LABEL = (
    # 「パス」 is how staff shorten パスワード (「パスは abc123」), but not inside a word (「コンパス」「パスポート」).
    r"(?<![A-Za-zＡ-Ｚａ-ｚ])(?>(?:パスワード|ﾊﾟｽﾜｰﾄﾞ|暗証番号|パスコード|(?<![ァ-ヺー])(?:パス|ﾊﾟｽ)(?![ァ-ヺーｦ-ﾟ])"
    r"|(?i:pin|ｐｉｎ)(?:[ \t]?(?:コード|番号))?"
    r"|(?i:pwd?|pass(?:wd|[ \t]?word|code)?|ｐｗ|ｐａｓｓ(?:ｗｏｒｄ|ｃｏｄｅ)?)"
    # Every label confidential.secret reads (「ピーダブ」「暗号化キー」「パスフレーズ」「senha」「暗証」…),
    # after the wider forms above: with a list of its own the mask drifted from the rule's, and a weak password
    # the rule leaves alone in a draft (「ピーダブ：abc123」「暗号化キー：abc123」) went into the alert as typed.
    r"|(?i:" + PASSWORD_LABEL + r"))"
    # A label numbered before its colon (「PW2: xyz789」「パスワード2：xyz789」「PIN1: 1234」): the number is the label's.
    # Read as the value, 「PW2:」 went under the mask and the second password after it out as typed. Only
    # before a colon, an equals sign, an arrow or the line's end (「パスワード２⏎ab12cd」): 「PW1234」 alone is the value.
    r"(?:[0-9０-９]{1,2}(?=[ \t\u3000]*+(?:[:：=＝→]|->|\r?\n)))?"
    r"(?![A-Za-zＡ-Ｚａ-ｚ])"
    # An English noun the label names with (「PIN code を変更」「password reset しました」) is part of
    # the label: masked as the value, the record lost a word, and in 「PIN code: 1234」 the PIN after
    # it went out as typed. Atomic, so that the noun is never retried as the value; only after a
    # space, so that 「パスワード：reset」 is still a value. And only before a break (a space, a colon,
    # Japanese): a password that begins with such a word (「PW Reset#2026」「PW List.2026」) is the
    # value, and read as the noun it was echoed whole (the 「#」 then read as a URL's) or in part.
    rf"(?:[ \t\u3000]+(?i:{'|'.join(_LABEL_NOUNS)})(?=$|[^!-~]|[:=(]|->|[.,;)!](?![!-~]))"
    # So is a Japanese one when a colon or an arrow follows (「パスワード変更：abc123」「PIN 変更 → 1234」
    # went out as typed): with は or が after it (「パスワード変更は Windows から」) it is more often the
    # subject of the sentence, and the word after it no password.
    r"|[ \t\u3000]?(?:変更|再設定|再発行|更新|リセット|初期化|設定)(?:後|前)?(?=[ \t\u3000]*+(?:[:：=＝→]|->)))?)"
    # Not a word the label is part of either: a file's name (「パスワード.xlsx」), a host's or a
    # folder's (「https://password-reset.example/」「…/reset_password.php」「…/password?next=」), an
    # English compound (「password-reset」「pass-through」). Masked, the reported address was cut.
    # (A run of letters then a digit is still a value: 「PW.abc123」「PW_abc123」.)
    # Nor the user's part of an address's credentials (「https://user:pass@host/」): the password is what
    # stands before 「@」, and read as a label, the host after it went under the mask.
    r"(?![.．][A-Za-z]++(?![0-9])|[?#&@＠]|(?<=[A-Za-z])[-_][A-Za-z]++(?![0-9]))"
    # A note on the password before its value (「パスワード（仮）：abc123」「PINコード(初期)：0000」).
    # A space before it, before its colon only (「PIN (key box): 4821」「パスワード (職員用)：Kessai2026!」): read as the value,
    # 「(key」 went under the mask and the PIN after the colon went out as typed.
    r"(?:[ \t\u3000]++[（(][^（）()\r\n]{1,32}+[）)](?=[ \t\u3000]*+[:：=＝])"
    r"|[（(][^（）()\s]{1,8}+[）)]"
    # With a space in it (「パスワード（11/30 変更）：abc123」「PW(2026/11/30 変更)は abc123」), only before its colon
    # or は: not read as the label's, the password after it went out as typed.
    # Or before an arrow, a comma, the line's end or a space and the value (「パスワード（11/30 変更） abc123」
    # 「PW（11/30 変更）→ abc123」「パスワード（11/30 変更）、abc123」): the password went out as typed there too.
    # And before a space and a word with hiragana in it (「パスワード（11/30 変更） さくらもち」「… 雪だるま」), a kana password there.
    r"|[（(][^（）()\r\n]{1,32}+[）)](?=[ \t\u3000]*+(?:[:：=＝→、，]|->|は|が|\r?\n)|[ \t\u3000]+(?:[!-~\uff01-\uff5e]|[^\s、。，,（）()]{0,31}[ぁ-ん]))"
    # In square or lenticular brackets too (「パスワード[旧]:abc123」「パスワード【仮】：abc123」), but only before
    # its colon: 「PW[abc123]」 is the value in brackets.
    r"|[\[［【][^\[\]［］【】\s]{1,8}+[\]］】](?=[ \t\u3000]*+[:：=＝])"
    # With a space in it there too, or in tortoise-shell or angle brackets (「パスワード【11/30 変更】：abc123」「パスワード〔11/30 変更〕：
    # abc123」「パスワード《11/30 変更》：abc123」): not read as the label's, the password after its colon went out as typed.
    # A day with its time is as long as 32 (「（2026/11/30 17:00 変更）」): beyond 16 the password went out as typed.
    r"|[\[［【〔《〈][^\[\]［］【】〔〕《》〈〉\r\n]{1,32}+[\]］】〕》〉](?=[ \t\u3000]*+[:：=＝])"
    # Or in any bracket or quote when the note is Japanese (「パスワード[旧] abc123」「パスワード【旧】abc123」
    # 「パスワード「旧」: abc123」): not read as the label's, the password after it went out as typed. A
    # value in brackets is not Japanese (「PW[abc123]」), and a kana one in quotes is read elsewhere.
    r"|[\[［【〔「『〈《][ぁ-んァ-ヺー一-鿿々・]{1,8}+[\]］】〕」』〉》])?"
    # The mark that closes the label before its colon: Slack's emphasis (「*パスワード*: abc123」「`PW`: abc123」)
    # or a key's quote (「"password": "abc123"」 in a pasted JSON or YAML): read as no label, the password
    # after it went into the alert and the record as typed.
    # So does a Japanese quote's, before は/を/が too (「「パスワード」：abc123」「『PW』: abc123」「「パスワード」は abc123」),
    # a curly one's as Japanese input types it (「“パスワード”は abc123」), before の値 (「「パスワード」の値は abc123」)
    # and before 欄 (「「パスワード」欄に abc123 と入力」).
    # The label's own brackets too, and a mark around its quote (「〔パスワード〕abc123」「【パスワード】 abc123」
    # 「*「パスワード」* abc123」「"password" is abc123」), before a space or a particle as well as a colon: read
    # as no label, the password after it went out as typed. Right before the value only after a bracket:
    # 「PW"abc123"」 is the value in quotes.
    # An arrow or a comma after the mark says what a colon does (「*PW*→ひまわり」「「PIN」、abc123」).
    r"(?:[」』〕】］\]》〉*_~`\"'’”]{1,3}+(?=[ \t\u3000]*+(?:[:：=＝→、，]|->|は|を|が|とは|って|も|の値|の?(?:入力)?欄)"
    r"|[ \t\u3000]|\r?\n|(?<=[」』〕】］\]》〉])[!-~\uff01-\uff5e]))?"
    # 「パスワードの値は abc123 です」: the value named as the password's value went out as typed.
    r"(?:の値)?")
# What was typed into the password's field (「パスワード欄に abc123 と入力してしまいました」「パスワードの入力欄に
# abc123 を貼り付け」) is the password as often as what follows は: read as no separator, it went into the
# alert and the record as typed.
_IN_ITS_FIELD = r"(?:の)?(?:入力)?欄(?:に|へ)(?:は)?"
# What says the password is what follows, as は does: 「パスワードとは abc123 のことです」「パスワードって abc123」
# 「パスワードも abc123 です」, with a comma after it too (「パスワードは、abc123 です」): the password went out as typed.
_SAID_TO_BE = r"(?:とは|って|[はがをも])[、，]?"
# Slack's emphasis closed after the label's colon (「*PW:* abc123」「_パスワード：_ abc123」): the mark is the
# label's; read as the value's first letter, it went under the mask and the alert read 「*PW:＊＊＊＊（伏せ字）」.
_MARK_CLOSED = r"(?:[*_~`]{1,2}+(?=[ \t\u3000]))?+"
# The verb an English sentence gives a value with (「is」「was changed to」「is now set to」), and the adverb and
# colon after it (「is now: abc123」「is currently abc123」): one value and one passphrase read after them.
_AN_ENGLISH_VERB = (r"(?:(?:is|was|has been|had been)[ \t]+)?(?:(?:now|currently)[ \t]+)?(?:changed|set|reset|updated)"
                    r"[ \t]+to|is|was")
_AN_ENGLISH_VERBS_ADVERB = r"(?:[ \t]+(?i:now|currently))?(?:[ \t]*+[:：])?"
_BEFORE_A_LABELLED_VALUE = (
    # An exclamation mark after the label is a mail's subject (「Password Reset! abc123」), not the value.
    _LABEL +
    # An English sentence says it with a verb (「The password is abc123.」「PIN was changed to 1234」).
    # The closing 「>」 of an element's tag (「<password>abc123</password>」) is read as the value's first letter.
    # 「now」 or 「currently」 after the verb, with a colon or not (「The password is now: abc123」「is now set to
    # abc123」「is currently abc123」): read as the value, the word went under the mask and the password out.
    # A comma says it as は does (「パスワード、abc123 が漏れました」「PIN【旧】、abc123 です」): the password went out
    # as typed. Only a value with a digit there: 「パスワード、Windows 11 で設定」 is the sentence's.
    r"[ \t\u3000]*+(?:" + _IN_ITS_FIELD + r"|" + _SAID_TO_BE + r"|[、，]|:|：|=|＝|→|->|(?<=[A-Za-z])>|[!！](?=[ \t\u3000])"
    r"|(?<=[ \t])(?i:" + _AN_ENGLISH_VERB + r"|to)" + _AN_ENGLISH_VERBS_ADVERB + r"(?=[ \t]))?" + _MARK_CLOSED +
    r"[ \t\u3000]*+[「『【〔《〈(（\"“'‘]?[ \t\u3000]*+")
_LABELLED_VALUE = re.compile(
    _BEFORE_A_LABELLED_VALUE +
    # The whole run, then a break: 「2026年」「8文字」 are a date and a length, not a value. Not a
    # path either: in 「https://…/password/reset」 the label is a URL's folder (a phishing page's).
    # A quoted value ends at its closing quote, curly ones too (「“abc123”」, as Japanese input types them).
    # Nor the colon: skipped as the label's, it was read as the value's first letter, 「：abc」 in
    # 「パスワード：abc 123」 was four letters, and the colon went under the mask and 「123」 out.
    r"(?![/／:：=＝])([!-~\uff01-\uff5e]{4,64}+)(?=[\s\u3000、。）」』】〕》〉”’→⇒]|[ぁ-ん]|$)")
# A value with a note in brackets written right after it (「PW: abc123（メールで送付）」「パスワード：abc123(仮)」,
# as Japanese input types them): the bracket is of the run, and the run ends in Japanese, no break, so
# the password went into the alert and the record as typed. The value up to the first bracket that
# opens Japanese (「Kes(1)（仮）」 keeps its own); bounded, so that each label is read a few letters on.
_LABELLED_VALUE_BEFORE_A_NOTE = re.compile(
    _BEFORE_A_LABELLED_VALUE +
    # In any bracket or quote Japanese input types (「PW:abc123【11/30 変更】」「パスワード:abc123「11/30 変更」」): the run
    # ends in no break there either, and the password went out as typed.
    r"(?![/／:：=＝])([!-~\uff01-\uff5e]{4,64}?)(?=[(（\[［【「『〔《〈][^()（）\r\n]{0,32}?[ぁ-んァ-ヺ一-鿿々])")
_CLOSERS = "\"')）」』’”"
# The words of a passphrase, up to the end of the line or to Japanese. Words and their number bounded, so
# that a line of labels is not read to its end from each. An arrow standing alone is no word of it
# (「PW: abc123 -> def456」): it leads to the new password, masked apart, and read into the phrase it went
# under the mask with both.
_PHRASE_WORDS = (r"[!-~\uff01-\uff5e]{1,64}+(?:[ \u3000](?!(?:->|=>|＝＞)(?:[ \u3000]|$))[!-~\uff01-\uff5e]{1,64}+)"
                 r"{1,11}+")
_PHRASE_ENDS = r"(?=[ \t\u3000]*+(?:$|[^!-~\uff01-\uff5e \t\u3000]))"
# A passphrase after a colon (「パスワード：correct horse battery staple」): only its first word was
# masked, and the rest of it went into the escalation channel and the record. Only after a colon,
# an equals sign or an arrow, where what follows is the value, and only when the words run to the end of the
# line or to Japanese: after は (「パスワードは abc123 Google で管理」) the words are the sentence's.
_PASSPHRASE = re.compile(
    # An arrow says what a colon says (「パスワード → correct horse battery staple」「PIN 変更 -> …」).
    _LABEL + r"[ \t\u3000]*+(?:[:：=＝→]|->)" + _MARK_CLOSED + r"[ \t\u3000]*+[「『\"“'‘]?"
    r"((?![/／])" + _PHRASE_WORDS + ")" + _PHRASE_ENDS)
# What a kana or kanji value is not made of (a space, punctuation, a bracket or quote, a colon), and what it
# ends before: shared by every reading of one, so that all stop at the same characters.
_NOT_IN_A_JAPANESE_VALUE = r"\s、。，．,「」『』（）()【】〔〕〈〉《》<>＜＞:：=＝"
_A_JAPANESE_VALUE_ENDS = r"(?=[\s、。，．,」』（）()【〔〈《]|$)"
# A password in kana or kanji (「パスワード：桜並木」「パスワードは「さくらもち」」): the value was read
# in ASCII only and went out as typed. Only after a colon or inside quotes, where what follows is the
# value: after は alone (「パスワードは管理者に伝えました」) it is the sentence.
_JAPANESE_VALUE = re.compile(
    # An arrow says what a colon says (「PIN → さくらもち」「パスワード【旧】→桜並木」): the value went out as typed.
    _LABEL + r"[ \t\u3000]*+(?:(?:[:：=＝→]|->)[ \t\u3000]*+[「『]?|(?:" + _IN_ITS_FIELD + r"|は|が|を)?[ \t\u3000]*+[「『])"
    # A note in brackets after it is the report's (「パスワード：さくらもち【旧】」「PW：abc123〔旧〕」): read into the
    # value, the note went under the mask; stopped at 【 with nothing to follow, the password went out as typed.
    r"([^" + _NOT_IN_A_JAPANESE_VALUE + r"]{1,32}+)" + _A_JAPANESE_VALUE_ENDS)
# Inside quotes the value runs to the closing quote, spaces and all (「パスワード：「桜 並木」」): read
# up to the space, it was one letter, too short to be taken for a value, and went out whole.
_QUOTED_JAPANESE_VALUE = re.compile(
    _LABEL + r"[ \t\u3000]*+(?:[:：=＝]|" + _IN_ITS_FIELD + r"|は|が|を)?[ \t\u3000]*+[「『]([^「」『』\r\n]{2,32}+)[」』]")
_KANA_OR_KANJI = re.compile(r"[ぁ-んァ-ヺー一-鿿々]")
# What a report says of the password after its colon rather than the password: 「パスワード：不明」
# 「パスワード：変更済み」「パスワード：全アカウント共通」「パスワード：付箋に記載」. A particle after a
# kanji or a katakana (「付箋に」「管理者へ」) is a sentence's; one among hiragana (「さくらもち」) is not.
_SAID_OF_THE_PASSWORD = re.compile(
    r"変更|済|未|不明|なし|無し|あり|有り|同じ|同一|同上|共通|使い回|流用|漏|流出|初期|設定|確認|調査|対応|発行|"
    r"リセット|不要|省略|公開|伏せ|秘密|非表示|別途|別紙|口頭|後日|記載|担当|管理|失効|無効|有効|期限|登録|紛失|"
    r"忘|わから|分から|知ら|空欄|空白|下記|上記|以下|以上|添付|メール|電話|文字|桁|英数|記号|大文字|小文字|半角|"
    r"全角|推測|簡単|単純|入力|使用|利用|共有|保存|付箋|メモ|不正|ログイン|認証|盗|乗っ取|[^ぁ-ん][をにでがへのと]|"
    r"(?:した|します|です|ます|ない|ません|ました|ている|てる|する|される|された)$|"
    # When, and who: 「パスワード：本日 10:00 に変更」「パスワード：広報課 山田 が管理」「パスワード：山田さん」
    # are the report's words, and masked, the record lost the day and the office that holds it.
    r"本日|今日|昨日|明日|先日|前日|当日|翌日|毎日|今朝|昨夜|今夜|[今先来毎]週|[今先来毎]月|[今昨去来]年|年度|"
    r"午前|午後|曜|[課係室局部班]長?$|" + A_CHIEFS_TITLE + r"|さん$|様$|"
    # Whether a form asks for one (「パスワード：必須」「パスワード（全角 8文字以上）：任意」): masked, the reader lost
    # whether the field must be filled in, and read it as a password written there.
    r"必須|任意|推奨|必要|不問|各自|個別|"
    # Where it is given (「パスワード：配布資料参照」「パスワード：会場掲示」「パスワード：館内掲示板」), as the rule reads it: no
    # password, and masked, the reader lost where to find it.
    r"参照|掲示|配布|資料|会場|受付|窓口|案内|館内|現地|郵送|送付")
# A word that makes the run a description rather than a phrase: an address, a date or a time.
_NOT_IN_A_PHRASE = re.compile(r"://|^www\.|^(?:(?:19|20)\d\d[/.\-])?\d{1,2}[/.\-]\d{1,2}$|^\d{1,2}:[0-5]\d$")
# What a report says about the password rather than the password: when it was changed or leaked
# (「2026/11/30」「10/1」「9:30」), how often it was tried (「1,000 回」), a year or a count spelt with a
# space before its unit (「2026 年」「12 桁」). Masked, the record lost the date of the change and the
# escalation channel read 「パスワードを ＊＊＊＊（伏せ字） に変更済み」 as a password written there.
_DATE = re.compile(r"(?:(?:19|20)\d\d[/.\-])?(\d{1,2})[/.\-](\d{1,2})")
_TIME = re.compile(r"(\d{1,2}):([0-5]\d)(?::[0-5]\d)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
# Units a leak report counts in too: 「1,000 万件流出」「5,000 名分」「1,000 通り」「1,000 円で売られていた」.
# Not 「か」 alone, which is 「or」 (「1234 か 5678」); 「番」 neither, which is what a PIN is (「1234 番」).
_UNIT_AFTER = re.compile(r"[ \t\u3000]*(?:[年月日時分秒回件人桁文字度歳万億円名個倍割社台枚%％]|通り|[かヵヶカケ]月|種類)")
# A date or a time is one only when the report goes on as about a date (「2026/11/30 に変更」「10/1 から」
# 「9:30 頃」「11/30（月）」): 「パスワード：3.14」「パスワードは 11.30 でした」 read as 3 月 14 日 and
# 11 月 30 日, and the leaked password went into the escalation channel as typed.
# So is one followed by its time or by another date (「12/1 9:00 に変更」「12/1 と 12/5 に変更」), by a part of
# the day (「12/1 の朝に」), or by its expiry (「12/1 で失効」): masked, the record lost when it was changed.
_DATE_AFTER = re.compile(r"[ \t\u3000]*(?:に|から|まで|以降|以前|以来|頃|ごろ|時点|付|現在|変更|更新|[（(〜～]"
                         r"|の(?:変更|更新|設定|時点|朝|昼|夕方|夜|午前|午後|深夜|未明|始業|終業|[ \t\u3000]*[0-9０-９])"
                         r"|で(?:失効|期限切れ|無効)|(?:と|及び|および|や|、)?[ \t\u3000]*[0-9０-９]{1,2}[/.:／：月][0-9０-９])")


_COUNTS = re.compile(r"[0-9]{1,3}[~〜\-][0-9]{1,3}")
_EVERY_PIN = re.compile(r"0{3,8}[~〜\-]9{3,8}")
# A PIN given after the range (「暗証番号：0000～9999 から 4821 に変更」), which pii's rule flags: the range is then masked.
_NUMBER_AFTER = re.compile(r"[^。\n]*?[0-9０-９](?:[ \t]?[0-9０-９]){2}")


def _says_about_the_value(value: str, after: str) -> bool:
    """Whether ``value`` (what follows a password's label), then ``after``, is a date, a time or a count."""
    value = unicodedata.normalize("NFKC", value)
    # A range of counts with its unit (「暗証番号は 6～16 桁で設定」「パスワードは 8-16 文字」), though 「8-16」 reads as a
    # date too: the length rule, which under the mask read as a PIN written there.
    if _COUNTS.fullmatch(value) and _UNIT_AFTER.match(after):
        return True
    if _EVERY_PIN.fullmatch(value):
        return not _NUMBER_AFTER.match(after)  # 「暗証番号：0000～9999 の範囲で」: every PIN there is, which is no one's
    if (m := _DATE.fullmatch(value)) and 1 <= int(m[1]) <= 12 and 1 <= int(m[2]) <= 31:
        return bool(_DATE_AFTER.match(after))
    if (m := _TIME.fullmatch(value)) and int(m[1]) <= 24:
        return bool(_DATE_AFTER.match(after))
    # A count has its unit too: 「PW: 1,234」 is a PIN written with a separator, 「1,000 回」 a count.
    return bool((_GROUPED.fullmatch(value) or value.isdecimal()) and _UNIT_AFTER.match(after))


# A second value after the first (「PIN 1234 か 5678」「abc123 から def456 に変更」「旧 abc123 / 新 def456」):
# only the first had a label before it, and the other went out as typed. It has a digit, as the values
# a report lists do; a word (「、Gmail のもの」), an address, a date or a count after the first is kept.
# 「と」「や」「及び」 list them too (「PIN 1234 と 5678」): the second went out as typed.
# A note kept after the first value (「PW：abc123【旧】、def456【新】」「abc123（旧）、def456」) stands before the
# separator: the value after it went into the alert and the record as typed.
_KEPT_NOTE = r"[ \t\u3000]*+[【〔（(\[［〈《][^\r\n【】〔〕（）()\[\]［］〈〉《》]{1,16}+[】〕）)\]］〉》]"
_LEADING_KEPT_NOTE = re.compile(_KEPT_NOTE)
_ANOTHER_VALUE = re.compile(
    # The first value's closing quote (「PW：「abc123」、「def456」」): stopped at it, the second went out as typed.
    # Quoted values side by side need no separator (「PW：「abc123」「def456」」): the second went out as typed.
    r"[」』\"”'’]?(?:" + _KEPT_NOTE + r")?(?:[ \t\u3000]*+(?:か|(?i:or|and)|または|もしくは|と|や|及び|および|&|＆|/|／|→|⇒|->|から|、|,)"
    r"|(?<=[」』”])(?=[ \t\u3000]*+[「『“]))[ \t\u3000]*+"
    r"(?:[（(【［\[]?(?:新|旧|現)(?:パスワード)?[）)】］\]]?[ \t\u3000]*+[:：]?[ \t\u3000]*+)?[「『\"“'‘]?"
    # Up to a note glued on, as after the first (「、def456【新】」「、def456（新）」), or the end of the value.
    r"([!-~\uff01-\uff5e]{4,64}?)(?=[(（\[［【〔〈《][^\r\n)）\]］】〕〉》]{0,16}?[ぁ-んァ-ヺ一-鿿]"
    r"|(?![!-~\uff01-\uff5e])|[\s\u3000、。）」』】〕》〉”’→⇒]|[ぁ-ん]|$)")
# 「旧 abc123 / 新 def456」 in a report that names a password elsewhere: 旧 and 新 are its labels.
# After an arrow or an equals sign too, as a label's colon (「パスワード→旧 Win10、新 Win11」): read only
# after a colon, a space or a bracket, both passwords went into the alert and the record as typed.
_OLD_OR_NEW = re.compile(
    r"(?:^|(?<=[\s、。：:（(「『【［\[→>=＝]))(?:新|旧|現)[ \t\u3000]*+[:：]?[ \t\u3000]*+"
    # Not 旧 in a label's note (「パスワード（旧）：abc123」): its bracket and colon were read as the value's
    # first letters, and the mask swallowed them, the alert reading 「パスワード（旧＊＊＊＊（伏せ字）」.
    r"(?![)）\]］」』:：=＝/／])([!-~\uff01-\uff5e]{4,64}+)(?=[\s\u3000、。）」』】〕》〉”’]|[ぁ-ん]|$)")
# 「PW」「PIN」 are words of their own only between non-letters: \b missed them before Japanese (「PWは別途 → Koho2026」),
# which \w counts as letters, and the password given after the arrow went into the escalation channel as typed.
_MENTIONS_A_PASSWORD = re.compile(
    r"パスワード|ﾊﾟｽﾜｰﾄﾞ|暗証番号|パスコード|(?<![ァ-ヺー])パス(?![ァ-ヺー])|(?i:(?<![a-z])(?:pw|pin)(?![a-z])|pass)")
_AN_ADDRESS = re.compile(r"://|^www\.|^[\w.+-]+@[\w-]+\.[\w.]+$")


# What has a digit without being a value: a device, a system or a version (「、Windows11 の PC で」
# 「から iOS17 に」「ver2」「v2.1」「No.2 の端末」「旧 PC-001」「新 iPhone15」) and a telephone number
# (「PIN 1234、090-1234-5678 に連絡」). Read as a second value or after 旧/新, they were masked, and the
# record lost which device and whom to call. Only there: after a label itself 「パスワード：Windows11」
# is still the value. A product's number is short (a model, a version, an asset's); 「Win2026」 is a value.
_A_DEVICE_OR_VERSION = re.compile(
    r"(?i:v(?:er(?:sion)?)?\.?\d{1,3}(?:\.\d{1,3})*[a-z]?|no\.?\d{1,4}"
    r"|(?:windows|win|ios|ipados|macos|android|iphone|ipad|pixel|galaxy|xperia|aquos|arrows|surface|pc|mac"
    r"|office|microsoft|excel|chrome|edge|firefox|safari|thinkpad|dynabook|vaio|lavie)"
    r"[ _-]?\d{1,3}(?:\.\d{1,3})*(?:pro|plus|max|mini|ultra|se|[a-z])?)"
    # A telephone number in the shapes Japanese numbers are written in (090-1234-5678, 03-1234-5678,
    # 045-123-4567, 0256-12-3456, 0120-123-456, 0570-123-456, 0800-123-4567, and +81 for the leading 0):
    # any digits between hyphens kept 「0-12-3456」「01-23-4567」, a PIN's shape, as a number to call.
    # (A support desk's navi-dial 0570 and free-dial 0800 were masked, and the record lost whom to call.)
    r"|(?:0|\+81-?)(?:[1-9]0-\d{4}|[1-9]-\d{4}|[1-9]\d-\d{3}|[1-9]\d\d-\d\d)-\d{4}|0120-\d{3}-\d{3}"
    r"|0570-\d{3}-\d{3}|0800-\d{3}-\d{4}")


# A device's shape is one only when the report goes on as about a device (「、Windows11 の PC で」「旧
# Windows10 端末から」「新 iPhone15 を配布済み」「から iOS17 に更新」「090-1234-5678 に連絡」): a password
# is as often typed in that shape, and 「PW abc123 / iPhone15」「、win123」「旧 Pixel8 / 新 Pixel9」 went into
# the alert and the record as typed. A missed password costs more than a device's name under the mask.
# 「から」 only at the end of what is said of it (「旧 PC-001 から」「から漏えい」), not before the new value.
_SAID_OF_A_DEVICE = re.compile(
    r"[ \t\u3000]*+(?:の?[ \t\u3000]*+(?:端末|(?i:pc|os)|パソコン|スマホ|スマートフォン|携帯|タブレット|機種|機器|本体|"
    r"アプリ|ブラウザ|版|環境)"
    r"|[にへ][ \t\u3000]*+(?:更新|アップデート|アップグレード|移行|連絡|電話|問い合わせ|お問い合わせ)"
    r"|を[ \t\u3000]*+(?:配布|貸与|支給|使用|利用|回収|交換|紛失|初期化|導入)"
    r"|で[ \t\u3000]*+(?:使用|利用|ログイン|操作|アクセス|作業|閲覧)"
    r"|まで[ \t\u3000]*+(?:連絡|電話|ご連絡|お電話|$)"
    r"|から[ \t\u3000]*+(?:$|[。\r\n]|漏|流出|ログイン|アクセス|送|連絡|電話|着信))")


# After 「から」 or an arrow from a password (「パスワードを abc123 から pc123 に更新」「PW を abc123 から
# iphone15 に更新」) the update is the password's, changed from one value to the other: read as a device's,
# the new password went into the alert and the record as typed. A system or a version is what is updated
# to (「パスワード：abc123 から iOS17 に更新」), and stays.
_A_CHANGE_FROM = ("から", "→", "⇒", "->")
_UPDATED_TO = re.compile(r"[ \t\u3000]*+[にへ][ \t\u3000]*+(?:更新|アップデート|アップグレード|移行)")
_A_SYSTEM_OR_VERSION = re.compile(
    r"(?i:v(?:er(?:sion)?)?\.?\d{1,3}(?:\.\d{1,3})*[a-z]?|(?:windows|win|ios|ipados|macos|android)[ _-]?\d{1,3}(?:\.\d{1,3})*)")


# An office's own code for a device (「旧 A-101 端末」「新 KS-12 の PC」「TB03 タブレット」): letters, then a
# number. Only with the device's noun right after it: masked, the record lost which device leaked the
# password, and IT which one to check; before 「を使用」 or 「で作業」 it is as likely a password.
_A_DEVICE_CODE = re.compile(r"[A-Za-z]{1,4}[-_]?\d{1,4}(?:-\d{1,4})?")
_A_DEVICE_NOUN = re.compile(r"[ \t\u3000]*+の?[ \t\u3000]*+(?:端末|機器|(?i:pc)(?![A-Za-z0-9])|パソコン|タブレット|スマホ|"
                            r"スマートフォン|携帯|ノート|サーバ|プリンタ|複合機|ルータ)")


def _a_listed_value(text: str, start: int, end: int, *, a_device_is_kept: bool = True,
                    changed_from_a_password: bool = False) -> bool:
    value = unicodedata.normalize("NFKC", text[start:end]).rstrip(_CLOSERS + "、。,.")
    after = text[end:end + 16]
    return (len(value) >= 4 and any(c.isdigit() for c in value) and not _AN_ADDRESS.search(value)
            and not (a_device_is_kept and _A_DEVICE_OR_VERSION.fullmatch(value) and _SAID_OF_A_DEVICE.match(after)
                     and not (changed_from_a_password and _UPDATED_TO.match(after)
                              and not _A_SYSTEM_OR_VERSION.fullmatch(value)))
            and not (a_device_is_kept and not changed_from_a_password and _A_DEVICE_CODE.fullmatch(value)
                     and _A_DEVICE_NOUN.match(after))
            and not _says_about_the_value(value, text[end:end + 8]))


# 旧/新 right after a password's label and its colon (「パスワード：旧 iPhone15 / 新 iPhone16」「PW 旧 Win10
# 新 Win11」), and the 旧/新 listed after them, label the passwords: a device's shape there is the value,
# as after the label itself, and kept as a device both passwords went into the alert as typed.
_A_LABEL_BEFORE_OLD_OR_NEW = re.compile(_LABEL + r"[ \t\u3000]*+(?:[:：=＝→]|->)?[ \t\u3000]*+(?=[新旧現])")
_LISTED_AFTER = re.compile(r"[ \t\u3000]*+(?:/|／|→|->|、|,|から)?[ \t\u3000]*+")


_A_FIELDS_MARK = re.compile(r"[:=：＝\"']")
# A label and its colon listed after a value (「PW：abc123、PW2: xyz789」「PIN1: 1234、PIN2: 5678」) begin a field of
# their own: read as the value listed, the label went under the mask and the password after it out as typed.
_A_LABEL_AND_ITS_COLON = re.compile(_LABEL + r"[ \t\u3000]*+(?:[:：=＝→]|->)")


def _with_the_values_listed_after(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (sorted, apart) and the values listed after each, up to the next span: a chain is
    followed once, from its last span, so that a long list is read once."""
    out: list[tuple[int, int]] = []
    after = 0  # the first span not passed yet
    for start, end in spans:
        if out and end <= out[-1][1]:
            continue  # inside a value listed before it, whose chain was followed already
        out.append((start, end))
        while m := _ANOTHER_VALUE.match(text, end):
            # A span inside the value listed (「PW：abc123、Pass[12]が漏えい」: 「Pass」 read as a label, 「12」 as its
            # value) is part of it: stopped there, 「Pass」 went into the alert as typed. One it only runs into
            # ends the list, as before.
            # Not a field of its own (「"pin":"4821"」 after 「"pw":"Kx7pq2",」): its label and quotes are the report's.
            first_held = after
            while after < len(spans) and spans[after][1] <= m.end(1):
                after += 1
            if (after < len(spans) and spans[after][0] < m.end(1)) or _A_LABEL_AND_ITS_COLON.match(text, m.start(1)) or (
                    any(end < a for a, _b in spans[first_held:after]) and _A_FIELDS_MARK.search(text, m.start(1), m.end(1))):
                break
            between = _LEADING_KEPT_NOTE.sub("", text[end:m.start(1)], count=1).lstrip(" \t\u3000")
            changed = between.startswith(_A_CHANGE_FROM)
            start, end = m.span(1)
            # A bracket the value opened is the password's (「、Pass(12)」): cut off, it was left in the alert.
            while end > start and (text[end - 1] in "、。,." or (text[end - 1] in _CLOSERS
                                                                and _an_unmatched_closer(text[start:end]))):
                end -= 1
            # An arrow from a password leads to the password it was changed to (「PW: abc123 → win11 に更新」):
            # a device or a system is what 「から」 or 「、」 goes on about, and kept as an OS's name after
            # the arrow, the new password went into the alert and the record as typed.
            if not _a_listed_value(text, start, end, changed_from_a_password=changed,
                                   a_device_is_kept=not between.startswith(("→", "⇒", "->"))):
                break
            if out and start < out[-1][1]:  # a span it holds ended past the value's trimmed end
                held = out.pop()
                start, end = held[0], max(held[1], end)
            out.append((start, end))
    return out




def _with_the_values_listed_below(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (sorted, apart) and the values listed one to a line below each that ends its line, up to the first
    line that is no such item (「以上です。」 stays the report's)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and end <= out[-1][1]:
            continue  # a line listed below a value before it, already read
        out.append((start, end))
        while (ends := _ENDS_ITS_LINE.match(text, end)) is not None and ends.end() < len(text) and text[ends.end() - 1] == "\n":
            m = _LINE_LISTED_BELOW.match(text, ends.end())
            if m is None and (blank := _A_BLANK_LINE.match(text, ends.end())) is not None:
                # 「パスワード⏎koho-A1⏎⏎koho-B2」: a series set apart by a blank line, as the rule reads one; only a value of
                # the same shape, so that a note after a blank line (「⏎⏎以上です」) stays the report's, or one of every kind
                # of character, the next account's password whatever its shape (「PW：Kessai2026!⏎⏎Joetsu#2027」).
                m = _LINE_LISTED_BELOW.match(text, blank.end())
                if (m is not None and _shape(m["v"]) != _shape(text[out[-1][0] : out[-1][1]])
                        and not _of_every_kind(m["v"])):
                    m = None
            if m is None or len(out) > len(spans) + _LIST_LINES:
                break
            a, b = m.span("v")
            value = unicodedata.normalize("NFKC", text[a:b])
            if m["cq"] and not m["q"]:
                b += 1 if _an_unmatched_closer(text[a:b + 1]) else 0  # 「abc(1)」: its own bracket
            # Marked or quoted as an item, the value may be letters alone (「・sakura」); bare, it needs a digit, as a
            # listed value does, so that a word on the line after (「Thanks」) is kept.
            # Unquoted, a date, a time, a telephone number or a device on its own line is the report's (「2026/05/14」
            # 「090-1234-5678」 under the password: when it changed, whom to call).
            if (_of_no_value(value) or _AN_ADDRESS.search(value) or _says_about_the_value(value, text[b:b + 8])
                    or _AN_ACCOUNTS_FIELD.match(value)
                    or (not m["q"] and (_NOT_IN_A_PHRASE.search(value) or _A_DEVICE_OR_VERSION.fullmatch(value)))
                    or not (m["mark"] or m["q"] or _a_listed_value(text, a, b))):
                break
            if (named := _A_NAMED_FIELD.match(text, a, b)) is not None and a_service_logged_in_to(named["name"]):
                # 「Instagram：koho-I2」 under 「X：koho-X1」: the service's name and its colon say which account the
                # password is; masked with it, the handlers lost which account to change.
                a = named.end()
            if a < out[-1][1]:
                break  # a span of the rule's already there; its own chain is followed
            out.append((a, b))
            end = b
    return out


_OPENERS = {")": "(", "）": "（", "]": "[", "］": "［", "」": "「", "』": "『", "”": "“", "’": "‘"}


def _an_unmatched_closer(value: str) -> bool:
    """Whether ``value`` ends with a bracket or a quote it does not open. One it opens is the
    password's (「旧 Pass(1)」「旧 [abc123]」): left outside the mask, the password's last letter went
    into the alert, and 「[」 under the mask with 「]」 outside, the bracket read as the report's."""
    closer = value[-1:]
    if closer in ("\"", "'"):
        return value.count(closer) % 2 == 1
    return closer in _OPENERS and value.count(_OPENERS[closer]) < value.count(closer)


def _old_and_new_spans(text: str, about_a_password: bool) -> list[tuple[int, int]]:
    if not about_a_password and not _MENTIONS_A_PASSWORD.search(text):
        return []
    labelled = {m.end() for m in _A_LABEL_BEFORE_OLD_OR_NEW.finditer(text)}
    spans, last_labelled = [], -1
    for m in _OLD_OR_NEW.finditer(text):
        a_password = m.start() in labelled or (
            last_labelled >= 0 and (sep := _LISTED_AFTER.match(text, last_labelled)) is not None and sep.end() == m.start())
        # The bracket the value closes (「PW: abc123 (旧 xyz789)」) is the report's: masked with it, the
        # alert read 「(旧 ＊＊＊＊（伏せ字）」, its bracket left open.
        start, end = m.span(1)
        while end > start and (text[end - 1] in "、。,." or _an_unmatched_closer(text[start:end])):
            end -= 1
        if _a_listed_value(text, start, end, a_device_is_kept=not a_password):
            spans.append((start, end))
            last_labelled = m.end() if a_password else -1
    return spans


# What a report says in English after the colon instead of the password (「PW: no idea」「PW: by IT」
# 「パスワード：not set」「パスワード：ask IT」「PW: unknown」): masked as a passphrase, the alert read as though
# a password were written and the reporter was told to change it at once. Only words of no value, all
# of them: 「PW: abc 123」 is still a passphrase. Not a word that is itself a common weak password
# (admin, secret, default, password): 「PW: admin」 is the leak.
_WORDS_OF_NO_VALUE = frozenset((
    "not", "set", "yet", "no", "idea", "unknown", "ask", "by", "it", "see", "mail", "email", "none", "n/a", "na",
    "tbd", "same", "as", "above", "below", "sent", "via", "is", "the", "to", "of", "in", "on", "and", "or",
    "changed", "forgot", "forgotten", "lost", "don't", "dont", "know", "i", "we", "team", "dept",
    "department", "manager", "later", "unset", "empty", "blank", "redacted"))
# Alone, a word is kept only when it cannot be the password: 「PW: manager」「PW: team」「PW: changed」 are as
# likely the weak password itself as a note about it (manager is a well-known default).
# (Nor an English sentence's word after its verb: 「The password is being changed」「… is still valid」.)
_ALONE_OF_NO_VALUE = frozenset(("none", "n/a", "na", "unknown", "tbd", "unset", "empty", "blank", "redacted",
                                "being", "been", "still", "also", "now", "not"))


def _of_no_value(value: str) -> bool:
    words = unicodedata.normalize("NFKC", value).lower().rstrip(_CLOSERS + "、。,.!").split()
    # A bracket standing alone is a note's that follows (「not set (旧 xyz789)」), not a word of the value.
    words = [w for w in (w.strip(".,!?()[]") for w in words) if w]
    if len(words) == 1:
        return words[0] in _ALONE_OF_NO_VALUE
    return any(words) and all(w in _WORDS_OF_NO_VALUE for w in words)


# A word of no value too short to be read as a labelled value (four characters and more): 「PW: tbd → abc123」
# 「PW: n/a → abc123」 were never followed to the value after them, which went out as typed.
_SHORT_WORD_OF_NO_VALUE = re.compile(
    _BEFORE_A_LABELLED_VALUE + r"(?P<short>(?i:tbd|n/a|na|none|n\.a\.))(?![!-~\uff01-\uff5e])")


def _listed_after_words_of_no_value(text: str) -> list[tuple[int, int]]:
    """The value listed after words of no value kept after a label (「PW: none、abc123」「PW: not set →
    abc123」): the list is followed only from a masked value, and kept, the password after went out as typed."""
    spans = []
    shorts = (m.span("short") for m in _SHORT_WORD_OF_NO_VALUE.finditer(text))
    found = itertools.chain((m.span(1) for m in _PASSPHRASE.finditer(text)),
                            (m.span(1) for m in _LABELLED_VALUE.finditer(text)), shorts)
    for start, end in found:
        while end > start and text[end - 1] in _CLOSERS + "、。,.":
            end -= 1
        if not _of_no_value(text[start:end]) or not (nxt := _ANOTHER_VALUE.match(text, end)):
            continue
        start, end = nxt.span(1)
        while end > start and text[end - 1] in _CLOSERS + "、。,.":
            end -= 1
        if _a_listed_value(text, start, end):
            spans.append((start, end))
    return spans


# A comma closing a word, then a space: where a list or a dict goes on to its next value or field.
_A_LISTED_COMMA = re.compile(r"[\"']?[,，][ \t\u3000]")
# A word a password can be by itself: four characters and more, a digit among them (「Kessai, 2026 spring」
# is one passphrase, its comma the phrase's).
_A_VALUE_OF_ITS_OWN = re.compile(r"[\"'“‘]?(?=[^ \t\u3000]*?[0-9])[^ \t\u3000]{4,64}+")
# What the comma goes on to: a field's label and its mark (「pin: 」「"pin": 」), or another such value. Words
# without a digit (「Kessai2026, spring time」) are more of the phrase, masked with it.
_A_FIELD_OR_A_VALUE = re.compile(r"(?P<field>[\"'“‘]?[A-Za-z_\-]{1,24}+[\"'”’]?[ \t\u3000]*+[:：=＝])|"
                                 + _A_VALUE_OF_ITS_OWN.pattern)


def _listed_apart(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A passphrase's span cut at each comma that lists a field or a value of its own after a value."""
    while ((comma := _A_LISTED_COMMA.search(text, start, end)) is not None
           and _A_VALUE_OF_ITS_OWN.fullmatch(text, start, comma.start())
           and (after := _A_FIELD_OR_A_VALUE.match(text, comma.end(), end)) is not None):
        # 「pw: Kx7pq2, pin: 4821」「"pw": "Kx7pq2", "pin": "4821"」「PW：abc123, Pass(12)」: a value before the
        # comma, a field or a value listed after it, each masked apart. Read as one phrase, the next label
        # went under the mask with both values and was lost from the alert, the comma too.
        yield start, comma.start()
        if after["field"] is not None:
            # A field: its value is its label's to mask.
            return
        # A value: all that follows it, up to the next such comma, is its (「PW: sakura2026, yuki2027 spring」):
        # cut after its first word, 「spring」 went out as typed.
        start = comma.end()
    yield start, end


# A passphrase after the other separators a single value is read after (「パスワードは、Blue Sky2026 です」「パスは、…」
# 「*PW*は …」「PW（仮） …」): only its first word was masked, and 'Sky2026' went into the alert and the record. There
# the words are as often the sentence's (「パスワードは Google Workspace で管理」), so the phrase is read whole only
# when a word of it is one only a password has, and none names a product or a version.
_A_SAID_PASSPHRASE = re.compile(
    # The label and its separator read whole and never given back (「Password Reset! abc123」「The password is now:
    # abc123」): backed off to a shorter label or no separator, the phrase began at 「Reset!」 or 「is:」 and the mask
    # took the label's word with the password.
    "(?>" + _BEFORE_A_LABELLED_VALUE + ")" +
    r"((?![/／:：=＝])" + _PHRASE_WORDS + ")" + _PHRASE_ENDS)


_ENGLISH_SENTENCE_WORDS = frozenset(("was", "were", "are", "be", "been", "has", "had", "have", "now", "currently",
                                     "set", "reset", "updated", "still", "also", "for", "at", "with", "from"))


_A_FIRST_WORD = re.compile(r"([^ \u3000]++)[ \u3000]++")


def _a_said_passphrase(phrase: str) -> bool:
    words = [w.strip(_CLOSERS + "(（、。,.") for w in unicodedata.normalize("NFKC", phrase).split()]
    # A word of marks alone (「[パスワード] abc123」's bracket) or an English verb (「“password” was abc123」) is the
    # label's or the sentence's: read into the phrase, the mask took it and the record lost it.
    return (any(password_only_word(w) for w in words) and not any(product_or_version_word(w) for w in words)
            and all(any(c.isalnum() for c in w) for w in words)
            and not any(w.lower() in _WORDS_OF_NO_VALUE or w.lower() in _ENGLISH_SENTENCE_WORDS for w in words))


def _passphrase_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _PASSPHRASE.finditer(text):
        for start, end in _listed_apart(text, *m.span(1)):
            _add_a_passphrase(text, start, end, spans)
    for m in _A_SAID_PASSPHRASE.finditer(text):
        start, end = m.span(1)
        # 「PW Note: Blue Sky2026」「パスワード Warning! Blue Sky2026」: a heading's word closed by its mark is the
        # label's; the value begins after it (masked with it, the record lost the word).
        if (first := _A_FIRST_WORD.match(text, start, end)) is not None and label_word_first(first[1]):
            start = first.end()
        if _a_said_passphrase(text[start:end]):
            for a, b in _listed_apart(text, start, end):
                _add_a_passphrase(text, a, b, spans)
    return spans


def _add_a_passphrase(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while end > start and text[end - 1] in _CLOSERS + "、。,.":
        end -= 1
    words = unicodedata.normalize("NFKC", text[start:end]).split()
    # As long as a value after a label need be (「パスワード：abc 123」 went out as typed at 8).
    if (len("".join(words)) >= 4 and not any(_NOT_IN_A_PHRASE.search(w) or _AN_ADDRESS.search(w) for w in words)
            and not _of_no_value(text[start:end])):
        spans.append((start, end))


# The words after a kana or kanji value after a colon (「パスワード：さくら もち」): read up to the space,
# 「もち」 went into the alert and the record. A word said of the password (「が漏れました」「広報課」), a
# particle alone (「さくら が…」) or a time ends the value; at most a few words, so that a line is read once.
_NEXT_WORD = re.compile(r"[ \u3000]([^\s、。，．,「」『』（）()【】<>＜＞:：=＝]{1,32}+)(?=[\s、。，．,」』（）()]|$)")
_A_PARTICLE = frozenset(("が", "を", "に", "で", "は", "と", "へ", "の", "も", "や", "から", "まで", "より", "にて"))
_MORE_WORDS = 5
# A one-letter word glued to 「の」 and a noun (「冬の写真展」「秋の音楽会」): the last letter of a title spaced out.
_A_TITLE_GLUED = re.compile(r"[\u3400-\u9fff々ぁ-ゖァ-ヺ]の[\u3400-\u9fff々ァ-ヺ]")
# A date, a time, a floor or a count written with its unit (「パスワード：さくら 10時 に変更」「さくら
# 12月1日 変更」「さくら 3階」) ends it too: run on over it, the record lost when and where.
_A_WORD_WITH_ITS_UNIT = re.compile(r"[0-9０-９]{1,4}(?:[年月日時分秒階回件人名桁台枚号]|文字)")


def _with_its_next_words(text: str, end: int) -> int:
    # Where the run of one-letter words read last began: glued at its end to a word of the sentence (「パスワード：さくら
    # 春 夏 秋 冬の写真展」), the run is a title spaced out (「春 夏 秋 冬の写真展」), no more of the value, and masked with it, the
    # report read 「＊＊＊＊（伏せ字） 冬の写真展」.
    letters_from = None
    for _ in range(_MORE_WORDS):
        m = _NEXT_WORD.match(text, end)
        if (not m or m[1] in _A_PARTICLE or _SAID_OF_THE_PASSWORD.search(m[1]) or _NOT_IN_A_PHRASE.search(m[1])
                or _A_WORD_WITH_ITS_UNIT.match(m[1])):
            # Only a title's 「の」 and its noun glued to the run's last letter (「冬の写真展」) make it a title's: a word of the
            # report after a space (「パスワード：桜 並 木 本日変更」「…さくら 春 夏 秋 冬 広報課」) or the sentence's end glued
            # to it (「桜 並 木らしいです」「春 夏 秋 冬とのこと」) leaves the run the value, and kept, the report showed it whole.
            if m and letters_from is not None and _A_TITLE_GLUED.match(m[1]):
                return letters_from
            break
        if len(m[1]) > 1:
            letters_from = None
        elif letters_from is None:
            letters_from = end
        end = m.end(1)
    return end


_A_GLUED_TAIL = re.compile(r"(?:です|でした|に(?:変更|設定|更新|再設定)(?:しました|した|済み?)?|へ(?:変更|更新)(?:しました|した)?"
                           r"|が(?:漏れ|流出し)(?:ました|た)?|を入力(?:しました|した)?)$")


def _without_a_glued_tail(text: str, start: int, end: int) -> int:
    """Where a Japanese value ends before the sentence glued to it (「さくらもちです」): under the mask, the
    record read 「パスワード：＊＊＊＊（伏せ字）。」 and lost what was said of it."""
    tail = _A_GLUED_TAIL.search(text, start, end)
    return tail.start() if tail is not None and tail.start() - start >= 2 else end


# A value after what the report says of the password (「パスワード：不明 abc123」「PW：変更前、abc123」): the word is kept
# as the report's, and the value after it was read as no label's and went out as typed. Only a value with a
# digit (see _a_listed_value), not a date, a time or a field of its own (「パスワード：変更済み 11/30」「… ID:koho01」).
_A_VALUE_AFTER_WHAT_IS_SAID = re.compile(
    _LABEL + r"[ \t\u3000]*+(?:[:：=＝→]|->|は|が)[ \t\u3000]*+([^" + _NOT_IN_A_JAPANESE_VALUE + r"!-~]{1,16}+)"
    r"[ \t\u3000、，]++([!-~\uff01-\uff5e]{4,64}+)")


def _values_after_what_is_said_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _A_VALUE_AFTER_WHAT_IS_SAID.finditer(text):
        start, end = m.span(2)
        while end > start and text[end - 1] in _CLOSERS + "、。,.":
            end -= 1
        value = unicodedata.normalize("NFKC", text[start:end])
        if (_SAID_OF_THE_PASSWORD.search(m[1]) and not re.search(r"[:=]", value) and not _NOT_IN_A_PHRASE.search(value)
                and _a_listed_value(text, start, end)):
            spans.append((start, end))
    return spans


# A value a sentence about the password gives after an arrow or a colon on its line (「パスワードは別メールで送ります
# → Joetsu0514」「パスワード教えます→ kouhou2026」「PW 忘れた人へ：Koho2026!」「…お伝えします。→ …」), after 新しいのは (「パスワード変わりました！
# 新しいのは staffwifi2026 です」), or in halves (「パスワードの前半は Kessai、後半は 2026!」): no label stands right
# before it, and the leaked password went into the escalation channel as typed. In a report, a word with a letter
# and a digit there is the password far more often than anything else; a link, a date, a time, a telephone
# number and a device said to be one stay (see _a_listed_value), and so does a word with no digit (「→ こちら」
# 「→ Teams」), but for a half, which is any word.


def _a_word_given(at_least: int) -> str:
    """A word of ``at_least`` letters or more, given after a space and an opening quote, up to a break, a closing
    quote or hiragana: one reading for a whole value and for a half of one, so that both stop at the same letters."""
    return (r"[ \t\u3000]*+[「『\"“'‘]?([!-~\uff01-\uff5e]{" + str(at_least) + r",64}+)"
            r"(?=[\s\u3000、。，．」』”’）)]|[ぁ-ん]|$)")


_A_WORD_GIVEN = _a_word_given(4)
# The label spelt out in kana or romaji (「ピーダブリュー：」「ぴーだぶりゅー：」「pasuwaado:」), as the rule reads it.
_A_LABEL_SPELT_OUT = re.compile(r"(?i:" + SPELT_OUT_LABEL + r")")
_A_VALUE_AFTER_A_SENTENCE = re.compile(
    r"(?:" + _MENTIONS_A_PASSWORD.pattern + r"|" + _A_LABEL_SPELT_OUT.pattern + r")(?:[^\r\n。]{0,39}?[^\r\n。A-Za-z0-9Ａ-Ｚａ-ｚ０-９])?。?[ \t\u3000]*+(?:→|⇒|->|=>|＝＞|[:：])"
    + _A_WORD_GIVEN)
_A_NEW_ONE_GIVEN = re.compile(r"(?:新しい|今度|変更後|再設定後|今)の(?:もの|やつ)?(?:は|が)" + _A_WORD_GIVEN)
_A_HALF_GIVEN = re.compile(
    r"(?:前半|後半|上半分|下半分|(?:最初|最後|先頭|末尾)の[0-9０-９一二三四五六七八九]{1,2}文字)(?:部分)?(?:は|が|[:：]|(?=[ \t\u3000]))"
    + _a_word_given(2))
_A_LETTER = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_ANOTHER_FIELD_BEFORE = re.compile(r"(?:アカウント|ユーザー?|ユーザ|ID|ＩＤ|メール|アドレス|名|担当|SSID|ＳＳＩＤ|宛先|送信元|ファイル)"
                                   r"[^\r\n:：→]{0,4}(?:→|⇒|->|=>|＝＞|[:：])[ \t\u3000]*+[「『\"“'‘]?$")


def _values_given_in_a_sentence_spans(text: str, about_a_password: bool) -> list[tuple[int, int]]:
    if not (about_a_password or _MENTIONS_A_PASSWORD.search(text) or _A_LABEL_SPELT_OUT.search(text)):
        return []
    spans = []
    for m in itertools.chain(_A_VALUE_AFTER_A_SENTENCE.finditer(text), _A_NEW_ONE_GIVEN.finditer(text)):
        start, end = m.span(1)
        # Another field's colon on the line (「パスワード：不明、アカウント：koho01」) gives the account: the record
        # must say which one leaked.
        if _ANOTHER_FIELD_BEFORE.search(text, max(m.start(), start - 24), start):
            continue
        value = unicodedata.normalize("NFKC", text[start:end])
        # A quote or a brace in it is a pasted JSON's or a list's, which the label's readings mask field by field.
        if (_A_LETTER.search(value) and not _NOT_IN_A_PHRASE.search(value) and not re.search(r"[:=\"'{}\[\],]", value)
                and not product_or_version_word(value) and _a_listed_value(text, start, end)):
            spans.append((start, end))
    for m in _A_HALF_GIVEN.finditer(text):
        value = unicodedata.normalize("NFKC", m[1])
        if not (_AN_ADDRESS.search(value) or _NOT_IN_A_PHRASE.search(value)):
            spans.append(m.span(1))
    return spans


# A mail address and the word after it under a login's heading or beside a password's mention (「管理者ログイン
# \nkoho@city.example.lg.jp\nKessai2026!」「ログイン\nkoho.joetsu@gmail.com / Koho2026fb」「管理画面\nkoho@… Sakura2026」,
# a space apart too): the account and its
# password pasted as a pair, with no label before the password, went into the escalation channel as typed. The
# address is kept (the record must say which account leaked); the word after it is masked when it has a letter
# and a digit, as a password has, and is no link, date, telephone number or device.
_A_LOGIN = re.compile(r"ログイン|サインイン|(?i:log[ -]?in|sign[ -]?in)|アカウント情報|認証情報|管理画面|管理者画面")
_AN_ADDRESS_AND_A_WORD = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}+@[\w-]{1,63}+(?:\.[\w-]{1,63}+){1,8}+[ \t\u3000]*+(?:[/／|｜,，、][ \t\u3000]*+|\r?\n[ \t\u3000]*+|(?<=[ \t\u3000]))"
    r"(?:[・･•*\-][ \t\u3000]*+)?([!-~\uff01-\uff5e]{4,64}+)(?=[\s\u3000、。，．]|$)")


def _a_login_pair_spans(text: str) -> list[tuple[int, int]]:
    if "@" not in text or not (_A_LOGIN.search(text) or _MENTIONS_A_PASSWORD.search(text)):
        return []
    spans = []
    for m in _AN_ADDRESS_AND_A_WORD.finditer(text):
        start, end = m.span(1)
        value = unicodedata.normalize("NFKC", text[start:end])
        if (_A_LETTER.search(value) and not _AN_ADDRESS.search(value) and "@" not in value
                and not _NOT_IN_A_PHRASE.search(value) and not product_or_version_word(value)
                and _a_listed_value(text, start, end)):
            spans.append((start, end))
    return spans


def _japanese_value_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span(1) for m in _QUOTED_JAPANESE_VALUE.finditer(text)
             if _KANA_OR_KANJI.search(m[1]) and not _SAID_OF_THE_PASSWORD.search(m[1])]
    for m in _JAPANESE_VALUE.finditer(text):
        # The sentence glued to the value (「パスワード：さくらもちです。」「PW：桜並木に変更しました」) is not the
        # value's: read with it, the whole was taken for what the report says, and the password went out.
        cut = _without_a_glued_tail(text, *m.span(1))
        value = text[m.start(1):cut]
        if not _KANA_OR_KANJI.search(value) or _SAID_OF_THE_PASSWORD.search(value):
            continue
        if cut < m.end(1):
            spans.append((m.start(1), cut))
            continue
        end = _with_its_next_words(text, m.end(1))
        # One letter is a value only with words after it (「パスワード：桜 並 木」「PW：春 夏 秋 冬」, which
        # went out whole), and not before a word a particle begins (「パスワード：次 の通り」), nor 旧/新,
        # which label the value after them (「パスワード：旧 abc123 / 新 def456」 keeps its labels).
        if len(m[1]) > 1 or (m[1] not in "旧新現" and end > m.end(1) and text[m.end(1) + 1] not in "のがをにでへとはも"):
            spans.append((m.start(1), end))
    return spans


# A password in kana after は and a space, or after a comma or a space alone (「パスワードは　さくらもち」「パスワード、
# さくらもち」「パスワード さくらもち」): read only after a colon or in quotes, it went out as typed. The space after は
# says a value follows, as it does before 「abc123」: a sentence goes on glued to は (「パスワードは管理者に伝えました」).
# After a comma or a space alone, only a word with hiragana in it: a list (「パスワード、氏名、住所が流出」) and a heading
# (「パスワード ポリシー」「パスワード マネージャー」「パスワード 再発行」) are in kanji and katakana, and the reader must
# learn what leaked. A password in those alone there (「パスワード、桜並木」) still goes out; after は and a space it does not.
_JAPANESE_VALUE_AFTER_A_BREAK = re.compile(
    _LABEL + r"(?:(?P<said>は)(?:[、，][ \t\u3000]*+|[ \t\u3000]++)|[ \t\u3000]*+[、，][ \t\u3000]*+|[ \t\u3000]++)"
    r"([^" + _NOT_IN_A_JAPANESE_VALUE + r"!-~\uff01-\uff5e]{2,32}+)" + _A_JAPANESE_VALUE_ENDS)
# What a report says about the password there rather than the password (「パスワードは まだ変更していません」「パスワードは
# そのまま」「パスワードは 誤送信」「パスワード ポリシーについて」「パスワード、および氏名」), beyond _SAID_OF_THE_PASSWORD.
_SAID_AFTER_A_BREAK = re.compile(
    r"まだ|そのまま|誤|送|通知|依頼|ポリシー|マネージャ|ルール|規則|規定|手順|方法|要件|条件|強度|期間|履歴|一覧|画面|欄|"
    r"再|全員|全て|すべて|同様|変わ|かわ|大丈夫|問題|安全|無事|危険|特に|すでに|既に|すぐ|至急|直ち|早急|現在|"
    r"ほか|他|お願い|くださ|下さ|について|に関|など|等|および|及び|ならびに|並びに|または|又は|もしくは|あるいは|かつ|とか|"
    r"本人|のみ|だけ|ごと|的|こまめ|定期|すみやか|速やか|ただち|きちんと|しっかり|必ず|かならず|ちゃんと|早め|はやめ|いったん|"
    r"一旦|一時|一度|いちど|"
    # A word that points or asks (「パスワード、こちら」「パスワードは これです」「パスワード、いつ…」).
    r"^(?:これ|それ|あれ|こちら|そちら|あちら|この|その|あの|どれ|どこ|どちら|なに|何|いつ|だれ|誰)|"
    # A sentence's ending (「パスワード、わすれちゃった」「パスワード、ぜったいに教えないで」「パスワード、おぼえていますか」).
    r"(?:った|れた|いた|ない|ないで|ように|ません|ます|ますか|ですか|でしょう|ましょう|ください|たら|れば|ても|けど|ので"
    r"|ている|てる|ていない)$|"
    # Personal data listed with the password (「パスワード、氏名、住所が流出」「パスワード、生年月日など」): what leaked.
    r"氏名|名前|住所|電話|メール|生年月日|誕生日|年齢|性別|口座|番号|アドレス|アカウント|個人情報|マイナンバー|ユーザ|職員|"
    r"連絡先|勤務先|所属|写真|免許|保険")
# A word after a comma or a space that a particle begins goes on with the sentence (「パスワード をなくした」「パスワード の
# 件」「パスワード、もう一度」): not a password's first letter.
_A_SENTENCE_GOES_ON = re.compile(r"[をがへ]|[のにでもやとは][^ぁ-ん]|もう")
_HIRAGANA = re.compile(r"[ぁ-ん]")


def _japanese_value_after_a_break_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _JAPANESE_VALUE_AFTER_A_BREAK.finditer(text):
        start = m.start(2)
        end = _without_a_glued_tail(text, start, m.end(2))
        value = text[start:end]
        if (end - start < 2 or not _KANA_OR_KANJI.search(value) or _SAID_OF_THE_PASSWORD.search(value)
                or _SAID_AFTER_A_BREAK.search(value)):
            continue
        if m["said"] is None and (not _HIRAGANA.search(value) or _A_SENTENCE_GOES_ON.match(value)):
            continue
        # A kana password in words (「パスワードは さくら もち」), as after a colon.
        spans.append((start, _with_its_next_words(text, end) if end == m.end(2) else end))
    return spans


# Where a password is kept or which account's it is (「パスワードは Google Chrome に保存」「パスワードは Google で
#管理」「パスワードは Microsoft アカウントと同じ」): a browser's, a service's or a password manager's name,
# followed by another name or by what is done there. Masked, the record lost where the password is.
# Only then: 「パスワードは Google です」 may be the (weak) password itself.
# 「パスワードを apple に変更しました」「Yahoo から Kx7pq2 に変更」: the word is what the password was set to,
# or what it was before; kept as a service's name, the leaked password went into the record as typed.
_CHANGED_TO = r"(?:変更|更新|再設定|設定|リセット|変え|替え|切り?替え)"
_SERVICE_NAMES = (r"google|chrome|microsoft|apple|icloud|edge|firefox|safari|windows|outlook|gmail|yahoo|amazon|line"
                  r"|keychain|bitwarden|lastpass|1password|keepass|office")
_A_SERVICE = re.compile(r"(?i:" + _SERVICE_NAMES + r")")
_SAID_OF_A_SERVICE = re.compile(
    r"(?:[ \t\u3000]+[A-Za-z][A-Za-z0-9]{1,20}+)?[ \t\u3000]*+(?:の|(?:に|へ)(?!" + _CHANGED_TO + r")|で(?![すし])"
    r"|から(?![^\n]{0,40}?(?:に|へ)" + _CHANGED_TO + r")|と同じ|と共通|アカウント)")


def _names_a_service(text: str, start: int, end: int) -> bool:
    return bool(_A_SERVICE.fullmatch(unicodedata.normalize("NFKC", text[start:end]))
                and _SAID_OF_A_SERVICE.match(text, end))


def _labelled_values(text: str) -> Iterator[tuple[re.Match[str], int]]:
    """The labelled values and where each ends before the next field it runs on into (see
    before_next_field). The search resumes at that field, so that a secret in a field after it
    (「PW=abc123;user=soumu;pin=4821」) is read too: passed over with the run, it went out as typed."""
    resume = 0
    while (m := _LABELLED_VALUE.search(text, resume)) is not None:
        resume = m.end()
        start, end = m.span(1)
        if (cut := start + len(before_next_field(text[start:end]))) < end and end - cut <= RESCAN_LIMIT:
            resume = cut
        yield m, cut
    for m in _LABELLED_VALUE_BEFORE_A_NOTE.finditer(text):
        start, end = m.span(1)
        yield m, start + len(before_next_field(text[start:end]))


# The label's comma alone before the value (not 「は、」 or 「とは、」, which say what the value is).
_AFTER_A_COMMA_ALONE = re.compile(r"(?<![はがをもてと])[、，][ \t\u3000]*+[「『【〔《〈(（\"“'‘]?[ \t\u3000]*+$")


# 「パスワードは Teams から変更しました」 without a date says where it was changed from, as with one (see
# _A_PLACE_CHANGED_FROM): read only after a date, Teams went under the mask and the record lost where.
def _a_place_changed_from(text: str, start: int, end: int) -> bool:
    return (not any(c.isdigit() for c in text[start:end]) and _places_changed_from(text[start:end])
            and bool(_FROM_BEFORE_WHAT_IS_DONE.match(text, end)))


def _labelled_value_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m, end in _labelled_values(text):
        start = m.start(1)
        # The next field of a pasted JSON or a line of fields (「{"pw":"abc123","user":"soumu"}」
        # 「パスワード:abc123,ID:soumu」「<password>abc123</password>」) is the report's: under the mask, the
        # record lost which account leaked, or the closing tag. A value cut there is a field's however
        # short (「PW=abc;host=db01」), as 「PW=abc」 is.
        shortest = 4 if end == m.end(1) else 3
        if _names_a_service(text, start, end) or _a_place_changed_from(text, start, end) or (_AFTER_A_COMMA_ALONE.search(text, m.start(), start)
                                                   and not any(c.isdigit() for c in text[start:end])):
            continue
        # A pasted JSON's braces close the object, not the value (「{"password": "abc123"}」): under the
        # mask, the alert read 「"＊＊＊＊（伏せ字）」, the snippet left open.
        while end > start and (text[end - 1] in _CLOSERS + "、。,.;" or _an_unmatched_brace(text[start:end])):
            end -= 1
        # Brackets written right after the label hold the value (「PW[abc123]」): the report's, not the
        # password's, and under the mask the alert read 「PW＊＊＊＊（伏せ字）」, as though nothing were there.
        # As long as a value need be with them: 「PW[abc]」 was masked, and is.
        long_enough = end - start >= shortest
        if end - start > 2 and _BRACKETS.get(text[start]) == text[end - 1]:
            start, end = start + 1, end - 1
        if (long_enough and not _says_about_the_value(text[start:end], text[end:end + 8])
                and not _of_no_value(text[start:end]) and not _THE_VERBS_ADVERB.fullmatch(text[start:end])
                and not (_A_PARTICIPLE.fullmatch(text[start:end]) and _AFTER_A_PARTICIPLE.match(text, end))):
            spans.append((start, end))
    return spans


# The verb of an English sentence after 「was」 (「The password was shared on Slack」「was reset at 9:30」) when
# a preposition follows it: read as the value, the sentence lost what happened to the password.
# Past participles in -en are named, not matched by their ending: 「kitten」「garden」「seven」 are weak passwords too,
# and read as the verb they went out as typed.
_A_PARTICIPLE = re.compile(r"[a-z]{2,}ed|reset|sent|lost|kept|left|told|sold|found|known|shown|seen|given|taken|stolen"
                           r"|written|rewritten|overwritten|hidden|forgotten|broken|chosen|spoken|gotten|frozen|beaten")
_AFTER_A_PARTICIPLE = re.compile(r"[ \t]+(?:on|at|in|by|to|from|via|with|and|for|through|over|before|after|since|during"
                                 r"|yesterday|today|last|this)\b")


# 「now」 or 「currently」 after 「is」, read as the value when the word after it is too short to be one
# (「The password is currently abc 123」): the sentence's word, masked in place of the password's.
_THE_VERBS_ADVERB = re.compile(r"(?i:now|currently)[:：]?")


# A value of three letters (「パスワードは abc です」「PIN：123」「PW=abc」) was too short to be read as one,
# and went into the alert and the record as typed. Read only after a colon, は/が/を or an English verb, or
# after a space alone when it holds a digit (「PIN 123」): 「パスワード and ID」 is a sentence.
_SHORT_VALUE = re.compile(
    _LABEL + r"[ \t\u3000]*+(?P<sep>" + _IN_ITS_FIELD + r"|は|が|を|:|：|=|＝|→|->|(?<=[ \t])(?i:is|was|to)(?=[ \t]))?[ \t\u3000]*+"
    r"(?P<q>[「『\"“'‘`])?(?![/／:：=＝「『\"“'‘`])([!-~\uff01-\uff5e]{3})"
    r"(?=[\s\u3000、。）」』】〕》〉”’\"'`.,]|[ぁ-ん]|$)")
# A value of words after は or を, as far as the sentence says what it is (「パスワードは abc 123 です」
# 「パスワードを abc 123 に変更」): after は the words are more often the sentence's (「パスワードは abc123
# Google で管理」), so only up to です or to what was done to the password, or to 「で、」 that goes on to
# what came of it (「パスワードは abc 123 で、ログインできません」: 「123」 went out as typed).
_SPACED_VALUE = re.compile(
    _LABEL + r"[ \t\u3000]*+(?:" + _IN_ITS_FIELD + r"|は|が|を)[ \t\u3000]*+"
    # The last word without a note's full-width bracket glued to it (「abc 123（11/30 変更）」).
    r"((?:[!-~\uff01-\uff5e]{1,32}+[ \u3000]){1,3}[!-~\uff01-\uff07\uff09-\uff5e]{1,32}+)"
    r"[ \t\u3000]*+(?=です|でした|だった|だ(?![ぁ-ん])|に(?:変更|設定|更新|再設定)|へ(?:変更|更新)|[とを](?:入力|設定)|のまま"
    # Or to what came of it, to the next field, a note or the line's end (「パスワードは abc 123 が漏れました」「… abc 123、
    # ID: koho01」「… abc 123（11/30 変更）」「パスワードは abc 123」 and a new line): 「123」 went out as typed.
    r"|で[、，,。．]|が(?:漏|流出)|[、，（(]|\r?\n|$)")
# The same in an English sentence (「my password is abc 123」), to the end of the line, of the sentence or
# of the English: only the first word was read, and 「123」 went out as typed. The last word is read
# without the sentence's full stop or comma (「… is abc 123, sorry」).
_SPACED_VALUE_IN_ENGLISH = re.compile(
    # With the verbs and adverbs a one-word value may have (「is now: abc 123」「is currently abc 123」「was
    # changed to abc 123」): read as 「is」 alone, 「now:」 went under the mask and 「abc 123」 out as typed.
    _LABEL + r"[ \t]+(?i:" + _AN_ENGLISH_VERB + r")" + _AN_ENGLISH_VERBS_ADVERB +
    r"[ \t]+((?:[!-~]{1,32}+[ \t]){1,3}?[!-~]{1,32}?)"
    r"(?=[.,;!?。、](?:[ \t\u3000]|\r?\n|$)|[ \t\u3000]*+(?:\r?\n|$|[^!-~ \t\u3000\r\n])"
    # Or to the word the sentence goes on with (「The password was abc 123 and it leaked」「… abc 123 on the
    # sticky note」): read to the line's end, the words were the sentence's, and 「123」 went out as typed.
    r"|[ \t]+(?:and|but|so|or|which|that|since|because|on|at|in|from|until|before|after|when|by|for|with"
    r"|then|while|though|although|if|unless|yesterday|today)(?=[ \t]))")
# A word of an English sentence after 「is」 (「The password is 12 characters long」), not of a value: a word
# of lower-case letters alone, longer than a value's fragment is.
_A_SENTENCES_WORD = re.compile(r"[a-z]{5,}")
# Nor an English word of a sentence (「the password is the same」「PIN for …」), nor an office's capitals
# before what is done with it (「パスワードは PDF で送付」「SMS に届く」): those are the report's.
_SHORT_WORDS = frozenset(("the", "and", "for", "but", "was", "has", "are", "our", "its", "new", "old", "all", "any",
                          "too", "now", "not", "set", "yet", "see", "via", "ask"))
# Both, as the spaced values read them (built once, not again for each word read).
_SHORT_OR_NO_VALUE = _SHORT_WORDS | _WORDS_OF_NO_VALUE
_AN_ACRONYM_USED = re.compile(r"[ \t\u3000]*+(?:で|に|の|から|へ|を|と)")
# The value on the line after its label, the label alone on its line (「パスワード：」 then 「abc123」).
# In any quotes or brackets Japanese input types, and with its sentence's end after them (「「abc123」。」
# 「「abc123」です」): the closing 」 or 】 ended the value in neither, and the password went out as typed.
_NEXT_LINE_OPENERS = "「『（【\"“'‘`("
_NEXT_LINE_CLOSERS = "」』）】\"”'’`)"
_NEXT_LINE_ENDS = (r"(?=[" + _NEXT_LINE_CLOSERS + r"]?[ \t\u3000]*+(?:[。．、，.,]|です|でした)?。?[ \t\u3000]*+"
                   r"(?:\r?\n|$))")
# The mark of an item of a list, one to a line (「・abc123」「- abc123」「1. abc123」「① abc123」): the values listed
# under one label. The mark is the report's.
_ITEM_MARK = r"(?:[・･•●○◦■□▪◆◇※]|[-*+＊＋－][ \t\u3000]|[0-9０-９]{1,2}[.．)）][ \t\u3000]?|[①-⑳])[ \t\u3000]*+"
# 旧・新・現 before each value listed (「パスワード⏎・旧：abc123⏎・新：def456」) label it, as a mark does.
_ITEM_OLD_OR_NEW = r"[旧新現](?:パスワード)?(?:[ \t\u3000]*+[:：=＝][ \t\u3000]*+|[ \t\u3000]++)"
_NEXT_LINE_VALUE = re.compile(
    _LABEL + r"[ \t\u3000]*+(?:[:：=＝]|は|が)?[*_~`]{0,2}+[ \t\u3000]*+\r?\n[ \t\u3000]*+(?:" + _ITEM_MARK + r")?"
    r"(?:" + _ITEM_OLD_OR_NEW + r")?"
    r"[" + _NEXT_LINE_OPENERS + r"]?"
    r"(?![/／:：=＝" + _NEXT_LINE_OPENERS + r"])([!-~\uff01-\uff5e]{3,64}+)" + _NEXT_LINE_ENDS)
# A line after a value's that lists another the same way (「「abc123」⏎「def456」」「・abc123⏎・def456」
# 「abc123⏎def456」): a value, its item's mark or its quotes, alone on its line. Only the first had its label on or
# before its line, and the others went into the escalation channel and the record as typed.
_LINE_LISTED_BELOW = re.compile(
    r"[ \t\u3000]*+(?P<mark>(?:" + _ITEM_MARK + r")?(?:" + _ITEM_OLD_OR_NEW + r")?)(?P<q>[「『\"“'‘])?"
    r"(?P<v>[!-~\uff01-\uff5e]{3,64}?)(?P<cq>[」』\"”'’])?[ \t\u3000。．、，.,]*+(?=\r?\n|$)")
# What may end a value's line after it: its closing quote or bracket, and a stop.
_ENDS_ITS_LINE = re.compile(r"[" + _NEXT_LINE_CLOSERS + r"]?[ \t\u3000。．、，.,]*+(?:\r?\n|$)")
_LIST_LINES = 50
_A_BLANK_LINE = re.compile(r"[ \t\u3000]*+\r?\n")
_SHAPE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "a" * 52 + "9" * 10)


def _of_every_kind(value: str) -> bool:
    """Upper and lower case, a digit and a symbol no name, date or field is written with (「Joetsu#2027」「Fubuki2026!」);
    not a hashtag or a handle (「#StaySafe2026」), which a post signs off with."""
    value = unicodedata.normalize("NFKC", value)
    return value[:1] not in "#@" and (any(c.isupper() for c in value) and any(c.islower() for c in value) and any(c.isdigit() for c in value)
            and any(c in "!#$%&*+?@^~" for c in value))


def _shape(value: str) -> str:
    """``value`` with its letters as 「a」 and its digits as 「9」: 「koho-A1」 and 「koho-B2」 are of one shape."""
    return unicodedata.normalize("NFKC", value).translate(_SHAPE)


# A listed line that names the service its value is for before a colon (「Instagram：koho-I2」「Facebook: koho-F3」): the
# SNS and the services an office logs in to, as the rule reads them (a_service_logged_in_to), by name only, so that a
# password of letters and a colon (「Kessai:2026」) is never shown in part.
_A_NAMED_FIELD = re.compile(r"(?P<name>[A-Za-z0-9]{1,16}+)[ \t\u3000]*+[:：](?=[ \t\u3000]*+[!-~\uff01-\uff5e])[ \t\u3000]*+")
# A line after the list that is a field of its own with its label (「ID:tanaka01」「UserID=koho01」「SSID:City-Free5」):
# the account or the network the password is for. Read as one more item, it went under the mask, and IT 担当 lost
# which account leaked. A bare word there (「tanaka01」「PC-0123」) has no label to say so and stays masked.
_AN_ACCOUNTS_FIELD = re.compile(
    r"(?i)(?:(?:user|login|log-in|account|member|staff|e-?mail|mail|host|server|pc|device)[ _-]?)?(?:id|name)[ \t]*+[:=]"
    r"|(?:ssid|account|user|login|e-?mail|mail|host|server|domain)[ \t]*+[:=]")


# A passphrase on the line after its label, the label alone on its line (「パスワード」 then 「correct horse battery
# staple」): read as one word at most, it went out whole. Only with a digit or in lower-case words alone, as a
# spaced cell: an English sentence there (「Please reset it today.」) is the report's.
_NEXT_LINE_PASSPHRASE = re.compile(
    # An item's mark before it is the list's (「- kx7pq2」 went under the mask whole, the report's 「- 」 with it).
    _LABEL + r"[ \t\u3000]*+(?:[:：=＝]|は|が)?[*_~`]{0,2}+[ \t\u3000]*+\r?\n[ \t\u3000]*+(?:" + _ITEM_MARK + r")?+"
    r"[" + _NEXT_LINE_OPENERS + r"]?([!-~\uff01-\uff5e]{1,64}+(?:[ \u3000][!-~\uff01-\uff5e]{1,64}+){1,11}+)"
    + _NEXT_LINE_ENDS)

# A kana or kanji value in quotes on the line after its label (「パスワード」 then 「「さくらもち」」): read only on the
# label's line, it went out as typed. Only the quotes alone on their line, or with the sentence's end after them:
# a sentence that begins with a quoted name (「「広報アカウント」が乗っ取られた」) is the report's.
_NEXT_LINE_JAPANESE_VALUE = re.compile(
    _LABEL + r"[ \t\u3000]*+(?:[:：=＝]|は|が)?[*_~`]{0,2}+[ \t\u3000]*+\r?\n[ \t\u3000]*+[「『【（(]"
    r"([^「」『』【】（）()\r\n]{2,32}+)" + _NEXT_LINE_ENDS)

# Lower-case words, joined by a hyphen or an underscore as passphrase generators write them (「correct-horse」).
_LOWER_CASE_WORDS = re.compile(r"[a-z]+(?:[-_][a-z]+)*")


def _short_and_next_line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _SHORT_VALUE.finditer(text):
        start, end = m.span(3)
        value = unicodedata.normalize("NFKC", text[start:end])
        if (value.lower() in _SHORT_WORDS or _of_no_value(value) or _says_about_the_value(value, text[end:end + 8])
                or (m["sep"] is None and m["q"] is None and not any(c.isdigit() for c in value))
                or (value.isalpha() and value.isupper() and _AN_ACRONYM_USED.match(text, end))):
            continue
        spans.append((start, end))
    for m in _SPACED_VALUE.finditer(text):
        words = unicodedata.normalize("NFKC", m[1]).split()
        # A date written with spaces (「パスワードは 12 / 1 に変更」) is when, as 「12/1」 is.
        if _says_about_the_value("".join(words), text[m.end(1):m.end(1) + 8]):
            continue
        # Nor where it is kept (「パスワードは Google Chrome で、…」), which the record needs.
        if (len("".join(words)) >= 3 and not _of_no_value(m[1]) and not _A_SERVICE.fullmatch(words[0])
                and not all(w.lower() in _SHORT_OR_NO_VALUE for w in words)
                and not any(_NOT_IN_A_PHRASE.search(w) or _AN_ADDRESS.search(w) for w in words)):
            spans.append(m.span(1))
    for m in _SPACED_VALUE_IN_ENGLISH.finditer(text):
        words = unicodedata.normalize("NFKC", m[1]).split()
        if (any(c.isdigit() for c in m[1]) and not _of_no_value(m[1])
                # 「now:」 is the sentence's word with its colon (「The password is now: abc123」), not the value's.
                and not any(w.lower().rstrip(":") in _SHORT_OR_NO_VALUE or _A_SENTENCES_WORD.fullmatch(w)
                            or _NOT_IN_A_PHRASE.search(w) or _AN_ADDRESS.search(w) for w in words)
                and not _says_about_the_value(words[-1], text[m.end(1):m.end(1) + 8])):
            spans.append(m.span(1))
    for m in _NEXT_LINE_PASSPHRASE.finditer(text):
        # A label that ends a table's header (「ID,パスワード」) heads a column: its row is read as cells (_table_cell_spans).
        since = max(0, m.start() - 256)
        line = text[max(since, text.rfind("\n", since, m.start()) + 1):m.start()]
        if any(sep in line for sep in _TABLE_SEPARATORS):
            continue
        start, end = m.span(1)
        # A closing quote or the sentence's stop is not the phrase's (「"abc 123"」 left a stray 「"」 under the mask).
        while end > start and text[end - 1] in _CLOSERS + "、。,.;．，":
            end -= 1
        phrase = text[start:end]
        words = unicodedata.normalize("NFKC", phrase).split()
        if ((any(c.isdigit() for c in phrase) or all(_LOWER_CASE_WORDS.fullmatch(w) for w in words))
                and not any(_NOT_IN_A_PHRASE.search(w) or _AN_ADDRESS.search(w) for w in words)
                and not _of_no_value(phrase)):
            spans.append((start, end))
    for m in _NEXT_LINE_JAPANESE_VALUE.finditer(text):
        if (_KANA_OR_KANJI.search(m[1]) and not _SAID_OF_THE_PASSWORD.search(m[1])
                and not _SAID_AFTER_A_BREAK.search(m[1])):
            spans.append(m.span(1))
    for m in _NEXT_LINE_VALUE.finditer(text):
        start, end = m.span(1)
        while end > start and (text[end - 1] in _CLOSERS + "、。,.;" or _an_unmatched_brace(text[start:end])):
            end -= 1
        value = unicodedata.normalize("NFKC", text[start:end])
        if end - start >= 3 and not _of_no_value(value) and not _AN_ADDRESS.search(value) \
                and not _says_about_the_value(value, text[end:end + 8]) and not names_the_password_below(text, start, end):
            spans.append((start, end))
    return spans


_BRACKETS = {"［": "］", "[": "]", "｛": "｝", "{": "}", "＜": "＞", "<": ">"}


def _an_unmatched_brace(value: str) -> bool:
    closer = value[-1:]
    return closer in ("}", "]") and value.count("{" if closer == "}" else "[") < value.count(closer)


_OPENER_OF = {"]": "[", "］": "［", "}": "{", "｝": "｛", ")": "(", "）": "（"}


def _with_its_closing_bracket(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with the bracket the value opened: the rule reads 「PW：abc[12]」 as 「abc[12」, and the alert
    read 「＊＊＊＊（伏せ字）]」, a stray bracket in the escalation channel and the record. A value standing in
    brackets (「パスワード［abc123］です」) has lost its opening one already and keeps both outside the mask."""
    closer = text[end:end + 1]
    if (opener := _OPENER_OF.get(closer)) and text.count(opener, start, end) > text.count(closer, start, end):
        return start, end + 1
    return start, end


def _inside_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without its opening bracket when the value stands in brackets: confidential.secret
    takes 「［」 for the value's first character and 「］」 for what follows it, and the mask left
    「パスワード＊＊＊＊（伏せ字）］です」, a stray bracket in the escalation channel and the record."""
    if end - start > 1 and (closer := _BRACKETS.get(text[start])) and text[end:end + 1] == closer:
        return start + 1, end
    return start, end


# A note in brackets after the value (「パスワード：Kessai2026 (メールで送付)」) is the report's: the rule
# and the passphrase read 「 (」 (「 (mail」) as part of the value, and the mask swallowed the opening
# bracket, leaving 「＊＊＊＊（伏せ字）メールで送付)」 in the alert and the record.
# A full-width bracket opens one written right after the value too (「パスワード:abc123（11/30 変更）」, as Japanese
# input types it): the rule reads 「abc123（11/30」 as the value, and the record lost the date of the change.
# A half-width one written right after it too (「パスワード:abc123(11/30 変更)」), when the note holds Japanese: the
# mask took 「abc123(11/30」 and the alert read 「＊＊＊＊（伏せ字） 変更)」. 「Kes(1)」 keeps its own.
# A square one written right after it too (「PW：abc123［11/30変更］」「パスワード:abc123[旧]」), when the note holds
# Japanese: the rule reads 「abc123［11/30」 as the value, and the alert read 「＊＊＊＊（伏せ字）変更］」.
_A_NOTE_OPENS = re.compile(r"[ \t\u3000]+[(（\[［「『【〔《〈]|(?<=[!-~])[（(\[［]")
# The note, to its closing bracket. Only a note the value ends at is one: in 「パスワード：correct horse
# (battery) staple」 the words after the bracket are the passphrase's, and cut at 「 (」 they went out as
# typed. Nor one that holds a value and no Japanese (「PW: abc123 [old: xyz789]」): that is a password too.
_A_NOTE = re.compile(r"(?:[ \t\u3000]+[(（\[［「『【〔《〈]|[（(\[［])([^)）\]］」』】〕》〉\r\n]{0,32}+)[)）\]］」』】〕》〉]?")


def _before_a_note(text: str, start: int, end: int) -> tuple[int, int]:
    for m in _A_NOTE_OPENS.finditer(text, start + 1, end):
        note = _A_NOTE.match(text, m.start())
        if not note or note.end() < end:
            continue
        # 「PW[abc]」「abc[12]」: square brackets written right after the value are the value's own.
        if _KANA_OR_KANJI.search(note[1]) or (m[0] not in "([［" and not any(c.isdigit() for c in note[1])):
            return start, m.start()
    return start, end


# The password a note after the value gives (「パスワード:abc123（新しいものはxyz789）」「…（変更後は xyz789 です）」): the
# note holds Japanese and is kept whole as the report's, and the new password in it went out as typed. Only a
# value said to be the new, the old or the former one: an account (「（IDはkoho01）」「担当は yamada01」) is the report's.
_A_VALUE_IN_A_NOTE = re.compile(
    r"(?:新|旧|現|変更後|変更前|前|元|以前)[^\s、。，,]{0,8}?(?:は|が|[:：=＝]|->|→)[ \t\u3000]*+[「『\"“]?"
    r"([!-~\uff01-\uff5e]{4,64}+)")
# What may follow a value that closes the note (「（新しいものは hunter2 です）」): no digit needed there.
_THE_NOTES_END = re.compile(r"[ \t\u3000]*+[」』\"”]?[ \t\u3000]*+(?:です|でした)?[。．]?[ \t\u3000]*+$")


def _values_in_notes_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for _start, end in spans:
        if not (note := _A_NOTE.match(text, end)) or not _KANA_OR_KANJI.search(note[1]):
            continue
        for m in _A_VALUE_IN_A_NOTE.finditer(text, note.start(1), note.end(1)):
            a, b = m.span(1)
            while b > a and text[b - 1] in _CLOSERS + "、。,.":
                b -= 1
            value = text[a:b]
            if _a_listed_value(text, a, b) or (
                    len(value) >= 4 and _THE_NOTES_END.match(text[b:note.end(1)]) and not _of_no_value(value)
                    and not _A_SERVICE.fullmatch(unicodedata.normalize("NFKC", value))):
                out.append((a, b))
    return out


# A separator standing alone after the value is the list's (「PW: abc123 / 新 def456」): the rule and the
# passphrase read 「 /」 as the value's last word, and the alert read 「＊＊＊＊（伏せ字） 新 ＊＊＊＊（伏せ字）」,
# the two passwords no longer told apart. 「abc123/」 written together is still the value.
_SEPARATORS = ("/", "／", "→", "->", "&", "＆", "|", "｜")


def _before_a_separator(start: int, end: int, text: str) -> tuple[int, int]:
    value = text[start:end]
    for sep in _SEPARATORS:
        if value.endswith(sep) and (cut := len(value[:-len(sep)].rstrip(" \t\u3000"))) < len(value) - len(sep) and cut:
            return start, start + cut
    return start, end


# A one-time code, a key or a token, and a secret question's answer, named by their label in a leak report
# (「認証コード：123456」「2段階認証のコード 123456」「token: abc123def456」「秘密の質問の答え：さくら」): the
# rule leaves a weak or a short one alone, as a draft's 「認証コード（例：123456）」 is more often a guide's;
# in a report each is what was leaked, and it went into the escalation channel and the record as typed.
_SEPARATOR_OF_A_NAMED_SECRET = r"[ \t\u3000]*+(?:[:：=＝]|->|→|は|が|を)?[ \t\u3000]*+[「『\"“'‘]?[ \t\u3000]*+"
_A_ONE_TIME_CODE = re.compile(
    r"(?:認証の?(?:用の?)?(?:コード|番号)|(?:確認|ログイン|サインイン|セキュリティ)(?:用の?)?コード|ワンタイム(?:パスワード|パスコード|コード)"
    r"|届いた(?:[0-9０-９]桁の)?(?:認証)?コード"
    r"|(?<![A-Za-z])(?i:verification[ \t]?code|one[- ]?time[ \t]?(?:code|password|passcode)|otp|(?:2fa|mfa)[ \t]?(?:code|コード)))"
    + _SEPARATOR_OF_A_NAMED_SECRET +
    # As services show it: digits, in two groups or after the service's letter (「482 913」「G-482913」).
    r"((?:[A-Za-z]-)?(?:[0-9０-９]{3,4}[ \-][0-9０-９]{3,4}|[0-9０-９]{4,8}))(?![0-9０-９/.:／：])")
_A_KEY_OR_TOKEN = re.compile(
    r"(?:APIキー|アクセスキー|シークレット(?:キー)?|(?:アクセス|リフレッシュ)?トークン"
    r"|(?<![A-Za-z])(?i:api[ \t_-]?key|apikey|(?:access|refresh|auth)?[ \t_-]?token|(?:client[ \t_-]?)?secret)(?![A-Za-z]))"
    + _SEPARATOR_OF_A_NAMED_SECRET +
    # A query's next parameter (「?token=…&page=2」) is the address's, not the key's.
    r"([!-%'-~]{6,256}+)")
_A_SECRET_ANSWER = re.compile(
    # With the question in brackets between (「秘密の質問（母の旧姓）の答え：たなか」), or after it (「秘密の質問：ペットの
    # 名前、答え：ポチ」): read as no label's, the answer went out as typed. The question itself is the report's.
    r"(?:秘密の質問(?:[（(][^（）()\r\n]{1,16}+[）)])?(?:への|の)?(?:答え|回答)|秘密の答え"
    r"|秘密の質問[^\r\n答回]{1,32}?[、，,。][ \t\u3000]*+(?:その)?(?:答え|回答)|(?<![A-Za-z])(?i:security|secret)[ \t](?i:answer)(?![A-Za-z]))"
    r"[ \t\u3000]*+(?:[:：=＝]|は|が|->|→)?[ \t\u3000]*+"
    # Quoted, the answer runs to its closing quote; bare, to a break or a copula (「…の答えは さくら です」).
    r"(?:[「『\"“]([^「」『』\"“”\r\n]{1,32}+)[」』\"”]"
    r"|([^\s、。，．,「」『』（）()【】<>＜＞:：]{1,32}?)(?=(?:です|でした|だった|だ|と|に)?(?:[\s、。，．,」』（）()]|$)))")


def _named_secret_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _A_ONE_TIME_CODE.finditer(text):
        if not _UNIT_AFTER.match(text, m.end(1)):  # 「認証コード 6 桁」「確認コードを 3 回間違えた」
            spans.append(m.span(1))
    for m in _A_KEY_OR_TOKEN.finditer(text):
        start, end = m.start(1), m.start(1) + len(before_next_field(m[1]))
        while end > start and text[end - 1] in _CLOSERS + "、。,.;":
            end -= 1
        value = text[start:end]
        # A key has a digit; a word (「token: expired」), a date, a version or an address is the report's.
        if (end - start >= 6 and any(c.isdigit() for c in value) and not _AN_ADDRESS.search(value)
                and not _NOT_IN_A_PHRASE.search(value) and not _A_DEVICE_OR_VERSION.fullmatch(value)
                and not _says_about_the_value(value, text[end:end + 8])):
            spans.append((start, end))
    for m in _A_SECRET_ANSWER.finditer(text):
        group = 1 if m[1] is not None else 2
        value = m[group].strip()
        # 「秘密の質問の答え：不明」「…は漏えいしていません」「…は変更済み」 say what became of it.
        if value and not _SAID_OF_THE_PASSWORD.search(value) and not _of_no_value(value):
            spans.append(m.span(group))
    return spans


# A date or a time between a password's label and its value (「パスワードを 11/30 に abc123 へ変更」「PW は
# 2026/11/30 9:00 に Kx7pq2 に更新」): the date is the report's and stays, but the value after it was read as no
# label's and went out as typed. Only a value then said to be what the password was changed to, or set to
# (「…に abc123 にしました」「…に直しました」), or said to be the password from then on (「パスワードは 11/30 以降
# abc123 です」「パスワード：11/30 から abc123」). A date in the era's years too (「令和8年11月30日に」), and in
# full-width digits as Japanese input types them.
_A_VALUE_AFTER_A_DATE = re.compile(
    _LABEL + r"[ \t\u3000]*+(?:を|は|が|[:：])?[ \t\u3000]*+"
    r"(?:(?:令和|平成|[RH])?[0-9０-９]{1,2}年|(?:19|20|１９|２０)[0-9０-９]{2}[/.\-／年])?"
    r"[0-9０-９]{1,2}[/.\-／月][0-9０-９]{1,2}日?(?:[（(][^）)\n]{1,3}[）)])?"
    r"(?:[ \t\u3000]*+[0-9０-９]{1,2}[:：時][0-9０-９]{0,2}分?)?[ \t\u3000]*+(?:に|付けで|付で|(?P<since>から|以降|以後|より))?[、,]?"
    # A value of a few words too (「パスワード：11/30 から abc 123」): read up to the space, it was too short to be one, and
    # went out as typed. Each word possessive, so that a line of words is read once; at most four words. Not a word
    # a colon ends: 「PW: 11.30、ID: koho」 is a field after the value, and under the mask the record lost the account.
    r"[ \t\u3000]*+[「『\"“]?(?P<value>(?:[!-~\uff01-\uff5e]{1,32}+(?<![:：=＝])[ \u3000]){0,3}[!-~\uff01-\uff5e]{1,64}?)[」』\"”]?"
    r"(?=[ \t\u3000]*+(?:[にへ][ \t\u3000]*+(?:" + _CHANGED_TO +
    r"|し(?:た|ま|て)|直し)|(?P<from>から)|(?:です|でした)|(?P<end>[。．]|\r?\n|$)))")
# 「から」 then what was done (「パスワードは 11/30 に Teams／Slack／iPhone から変更しました」) says where the password was
# changed from: the service or the device is what the reader needs. A value with a digit is still the old password
# (「…に abc123 から変更」).
_DONE_FROM = re.compile(r"[ \t\u3000]*+(?:変更|更新|再設定|設定|リセット|ログイン|アクセス|操作|送|連絡)")
_FROM_BEFORE_WHAT_IS_DONE = re.compile(r"[ \t\u3000]*+から" + _DONE_FROM.pattern)


# Where a password can be changed from (「Teams から変更」「iPhone から変更」「Google Chrome から変更」): only those names
# say where. Any other word there is as likely the old password (「パスワードを 11/30 に hunter から変更」), and kept
# as a place, it went into the alert as typed; a place the list lacks costs the record one word under the mask.
_A_PLACE_CHANGED_FROM = re.compile(
    r"(?i:" + _SERVICE_NAMES + r"|teams|slack|zoom|webex|box|dropbox|lineworks|x|twitter|instagram|facebook"
    r"|youtube|tiktok|iphone|ipad|android|mac|macbook|pc|chromebook|galaxy|pixel|xperia|aquos|arrows|surface|web|vpn"
    r"|lgwan|sms)")
_PLACES_APART = re.compile(r"[/・、,&]|[ \u3000]+")


def _places_changed_from(value: str) -> bool:
    places = [p for p in _PLACES_APART.split(unicodedata.normalize("NFKC", value)) if p]
    return bool(places) and all(_A_PLACE_CHANGED_FROM.fullmatch(p) for p in places)


def _value_after_a_date_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _A_VALUE_AFTER_A_DATE.finditer(text):
        words = unicodedata.normalize("NFKC", m["value"]).split()
        if (len("".join(words)) < 4 or _of_no_value(m["value"])
                or any(_NOT_IN_A_PHRASE.search(w) or _AN_ADDRESS.search(w) for w in words)  # 「12/1 9:00 に」「12/1 と 12/5 に」
                or _names_a_service(text, *m.span("value"))
                # 「パスワード：11/30 から Google Chrome」「…から not set」: where it is kept, or words of the report's.
                or (len(words) > 1 and (_A_SERVICE.fullmatch(words[0])
                                        or all(w.lower() in _SHORT_OR_NO_VALUE for w in words)))
                or (m["from"] is not None and _DONE_FROM.match(text, m.end("from"))
                    and (_places_changed_from(m["value"]) if not any(c.isdigit() for c in m["value"])
                         else not _a_listed_value(text, *m.span("value"))))):
            continue
        spans.append(m.span("value"))
    return spans


def _merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # A passphrase's span holds the first word's (a kana value's, the rule's): one mask for both, not the tail twice.
    merged: list[tuple[int, int]] = []
    for start, end in sorted(_before_a_note(text, *_before_a_separator(a, b, text)) for a, b in spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# A table of accounts pasted from a spreadsheet, a CSV file or a Markdown table, a password label as a
# column's header: the rule reads the cells under it only when they look like passwords, and a weak one
# (「koho01\tabc123」 under 「ID\tパスワード」) went into the alert and the record as typed.
_TABLE_HEADER = re.compile(r"(?i)[*`]{0,2}(?:ログイン|旧|新|現|初期)?(?:パスワード|パスコード|暗証番号|pass(?:word|code)?|pwd?|p/w|pin)"
                           r"(?:[（(][^（）()]{1,8}[）)])?[*`]{0,2}")
_TABLE_SEPARATORS = ("\t", "|", ",")
_TABLE_ROWS = 100


_A_SPACED_CELL = re.compile(r"[!-~\uff01-\uff5e]{1,64}(?:[ \u3000]{1,3}[!-~\uff01-\uff5e]{1,64}){1,11}")


def _a_spaced_cell_value(value: str) -> bool:
    # With a digit, or a passphrase's words in lower case: an English note in the column (「see IT desk」) is kept.
    words = unicodedata.normalize("NFKC", value).split()
    return (bool(_A_SPACED_CELL.fullmatch(value)) and not _A_SERVICE.fullmatch(words[0])
            and (any(c.isdigit() for c in value) or all(w.isalpha() and w.islower() for w in words))
            and not any(_NOT_IN_A_PHRASE.search(w) or _AN_ADDRESS.search(w) for w in words))


def _table_cell_spans(text: str) -> list[tuple[int, int]]:
    if not any(sep in text for sep in _TABLE_SEPARATORS) or not _MENTIONS_A_PASSWORD.search(text):
        return []
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    spans = []
    for i, (_, header) in enumerate(lines):
        for sep in _TABLE_SEPARATORS:
            if sep not in header:
                continue
            columns = [k for k, cell in enumerate(header.split(sep)) if _TABLE_HEADER.fullmatch(cell.strip())]
            if not columns:
                continue
            for at, row in lines[i + 1:i + 1 + _TABLE_ROWS]:
                cells = row.split(sep)
                if sep not in row or any(_TABLE_HEADER.fullmatch(c.strip()) for c in cells):
                    break  # the table ended, or another one's header: each row is read under one header
                for k in columns:
                    value = cells[k].strip() if k < len(cells) else ""
                    a = at + sum(len(c) + len(sep) for c in cells[:k]) + len(cells[k]) - len(cells[k].lstrip()) \
                        if value else 0
                    # A note in the column (「11/30 変更」「不明」) is the report's, as after a label. A value with a
                    # space (「abc 123」「hunter 2」) is one still when it is all letters and digits, as a passphrase
                    # after a colon is: skipped, it went out as typed.
                    if (len(value) < 3 or (any(c.isspace() for c in value) and not _a_spaced_cell_value(value))
                            or _of_no_value(value)
                            or set(value) <= set("-:| ") or _says_about_the_value(value, text[a + len(value):a + len(value) + 8])):
                        continue
                    spans.append((a, a + len(value)))
            break  # one separator per header line
    return spans


# The number of a numbered label the rule reads as the value's first letters (「パスワード2：xyz789」): the label's, as
# after 「PW2:」; under the mask the alert read 「パスワード＊＊＊＊（伏せ字）」, as though the label were cut.
_A_LABELS_NUMBER = re.compile(r"[0-9０-９]{1,2}[ \t\u3000]*+(?:[:：=＝→]|->)[ \t\u3000]*+")
_A_LABEL_ENDS = re.compile(_LABEL + r"\Z")


def _past_a_labels_number(text: str, start: int, end: int) -> int:
    if (m := _A_LABELS_NUMBER.match(text, start, end)) and m.end() < end and _A_LABEL_ENDS.search(
            text, max(0, start - 16), start):
        return m.end()
    return start


@dataclass(frozen=True)
class Masked:
    """A report's text as kessai keeps and posts it (``mask_secrets``), how many values were masked,
    and of which kinds (MASKED_KINDS' keys): the reporter is told what, and told to change a password only
    when one was written."""

    text: str
    count: int
    kinds: frozenset[str]


def mask_secrets(text: str, *, about_a_password: bool = False, year: int | None = None) -> tuple[str, int]:
    """``text`` with each secret value written in it (a password, a PIN, a token; a card's number; a 個人番号)
    replaced by SECRET_MASK, and how many;
    ``about_a_password`` when the text reports a leaked password (旧/新 are then its labels); ``year``
    the report's (a card's expiry typed after its number reads as of it; this year's by default)."""
    masked = mask_report(text, about_a_password=about_a_password, year=year)
    return masked.text, masked.count


def mask_report(text: str, *, about_a_password: bool = False, year: int | None = None) -> Masked:
    """``mask_secrets``, saying also which kinds of value were masked."""
    # A date the rule reads as the value (「パスワードは 2026/11/30 に変更」) is when it was changed, as
    # after any label: masked, the record lost the date and read as though a password were written.
    spans = sorted(_with_its_closing_bracket(text, *_inside_brackets(text, a, _without_a_glued_tail(text, a, b)))
                   for a, b in ((_past_a_labels_number(text, a, b), b) for a, b in secret_value_spans(text)) if not _says_about_the_value(text[a:b], text[b:b + 8]))
    # The first span of the rule's that ends after a labelled value starts, by bisection: looking
    # through all of them for each value took seconds for a long text with a password on each line.
    ends = [d for _c, d in spans]
    spans += [(a, b) for a, b in _labelled_value_spans(text)
              if (i := bisect.bisect_right(ends, a)) == len(spans) or spans[i][0] >= b]
    spans += _passphrase_spans(text) + _japanese_value_spans(text) + _japanese_value_after_a_break_spans(text) + _old_and_new_spans(text, about_a_password)
    spans += _listed_after_words_of_no_value(text) + _short_and_next_line_spans(text) + _table_cell_spans(text)
    spans += _named_secret_spans(text) + _value_after_a_date_spans(text) + _values_after_what_is_said_spans(text)
    spans += _values_given_in_a_sentence_spans(text, about_a_password) + _a_login_pair_spans(text)
    year = year or datetime.now(UTC).year
    # A card's number, as pii.card_number finds it: a report of a misposting pastes the post, and the alert and
    # the record were another copy of the number the findings show masked.
    cards = card_number_spans(text, year)
    # A 個人番号, as pii.my_number finds it: a 誤投稿 report pastes the post that published one, and 番号法 limits
    # providing it to the cases it lists (19条), so the alert, the record and the export were a breach of their
    # own; the handlers need the post's link, never the number. Mobile numbers (pii.phone) are not masked: the
    # handlers call whoever's number went out to apologise and ask whether it is misused, and a report gives
    # the reporter's own (「折り返しは 090-…」); inside the escalation's few that is the number's use, as
    # 個人情報保護法 allows, while a 個人番号 may be used for nothing but what 番号法 lists.
    numbers = my_number_spans(text, year)
    passwords = spans
    merged = _merged(text, passwords + cards + numbers)
    merged = _with_the_values_listed_after(
        text, _with_the_values_listed_below(text, _merged(text, merged + _values_in_notes_spans(text, merged))))
    out, last = [], 0
    kinds: set[str] = set()
    in_cards, in_numbers, in_passwords = _overlap_test(cards), _overlap_test(numbers), _overlap_test(passwords)
    for start, end in merged:
        out += [text[last:start], SECRET_MASK]
        last = end
        card, my_number = in_cards(start, end), in_numbers(start, end)
        kinds |= {"card"} if card else set()
        kinds |= {"my_number"} if my_number else set()
        # A value of the password rules', or one the lists and notes after a value added.
        if not (card or my_number) or in_passwords(start, end):
            kinds.add("password")
    return Masked("".join(out) + text[last:], len(merged), frozenset(kinds))


def _overlap_test(spans: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether [start, end) overlaps any of ``spans`` (which may overlap one another), by bisection: a report of a
    value on each line has thousands of spans, and a scan of them all for each masked one was quadratic."""
    ordered = sorted(spans)
    starts = [a for a, _b in ordered]
    reach = list(itertools.accumulate((b for _a, b in ordered), max))  # the furthest end of the spans up to each

    def test(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end)  # the spans that start before ``end``
        return i > 0 and reach[i - 1] > start

    return test
