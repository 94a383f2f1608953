"""Words that say nothing about what a news story is about (English, plus newsroom filler)."""

from __future__ import annotations

_WORDS = """
    a about above according across actually added adding after afterwards again against ago ahead
    all almost alone along already also although always am among amongst an and another any
    anyone anything anyway anywhere are around as ask asked at away back be became because become
    becomes been before began begin behind being below beside besides best better between beyond
    big both brief but by call called came can cannot cent come comes could currently day days did
    do does doing done down due during each earlier early either else elsewhere end enough
    especially etc even ever every everyone everything few fifth first five for former forward
    found four from
    further get gets getting give given go going gone good got great had has have having he her here
    hers herself him himself his how however i if in including indeed instead into is it its itself
    just keep know known last later latest least less let like likely little made make makes making
    many may me meanwhile might mine more moreover most mostly mr mrs ms much must my myself near
    nearly need needs never new next nine no none nor not nothing now of off often on once one only
    onto or other others otherwise our ours ourselves out over own part per percent perhaps place
    put quite rather re really recent recently said same saw say saying says second see seem seemed
    seems set seven several she should show showed shown since six so some someone something
    sometimes still such take taken taking tell ten than that the their theirs them themselves then
    there thereby therefore these they thing things third this those though three through
    throughout thus time times to today together told too took toward towards two under until up
    upon us use used uses using very via want wanted was way we week weeks well went were what
    whatever when whenever where whether which while who whole whom whose why will with within
    without would yes yet you your yours yourself yourselves year years month months
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday yesterday tomorrow
    dr prof sir dame lord lady st mp http https www com org uk html
    ll ve don didn doesn isn wasn aren weren won wouldn couldn shouldn hasn haven hadn
"""

STOP_WORDS = frozenset(_WORDS.split())
