"""Vocabulary of the entertainment trade shared by extractors (no article-specific words)."""

# Streaming services, networks and studios: a generic vocabulary of the trade
# (not tied to any article); used for `platform` claims and "official" speakers.
PLATFORMS = (
    r"Netflix(?: Korea| Japan| India)?|Disney\+|Disney Plus|Hulu|Prime Video|Amazon(?: Prime(?: Video)?)?|"
    r"Apple TV\+?|HBO(?: Max)?|Max|Peacock|Paramount\+|Starz|Showtime|AMC\+?|FX|BBC(?: One| Two| iPlayer)?|"
    r"ITVX?|Channel 4|Sky(?: Atlantic)?|NBC|CBS|ABC|Fox|The CW|Crunchyroll|Viki|Rakuten Viki|Coupang Play|"
    r"TVING|Wavve|tvN|JTBC|KBS2?|SBS|MBC|ENA|Hotstar|JioCinema|Zee5|SonyLIV|MUBI|Shudder|"
    r"Warner Bros\.?|Universal|Sony Pictures|Lionsgate|A24|Marvel Studios|Pixar|DreamWorks|Studio Dragon|"
    # more networks, channels, streamers and distributors of the trade
    r"MTV|VH1|Bravo|TLC|Lifetime|Freeform|Comedy Central|Nickelodeon|Cartoon Network|Adult Swim|PBS|"
    r"BBC (?:Three|Four|Scotland|Wales|Films)|ITV[12]|E4|More4|Channel 5|Five|Sky (?:One|Cinema|Atlantic)|"
    r"Tubi|Roku|YouTube|Crave|Stan|Canal\+|Arte|ZDF|Neon|Focus Features|Searchlight(?: Pictures)?|"
    r"Blumhouse|Paramount(?: Pictures)?|20th Century(?: Studios| Fox)?|Miramax|New Line|Pathe|Pathé|"
    r"Amazon MGM Studios|MGM|Mubi|Curzon|StudioCanal|Entertainment One|eOne|Netflix Animation"
)
