package chart

import (
	"strings"
	"testing"

	"dossier/internal/date"
)

// The sample is the shipped dossier's events and a network of its actors, for the tests
// and the preview.

// sampleLegend names the colour indexes the sample's topics map to.
var sampleLegend = []string{
	"Kim-Dynastie und Geschichte", "Diplomatie und Besuche", "Waffen und Munition", "Krieg gegen die Ukraine",
	"Raketen und Raumfahrt", "Atomprogramm", "Wirtschaft und Sanktionen", "Propaganda und Medien",
}

var sampleTopic = map[string]int{
	"kim-dynastie": 0, "chinas-rolle": 0, "diplomatie-und-besuche": 1, "waffenlieferungen": 2,
	"ukraine-krieg": 3, "raketen-und-raumfahrt": 4, "technologietransfer": 4, "atomprogramm": 5,
	"nahrung-und-wirtschaft": 6, "sanktionen": 6, "propaganda-und-medien": 7,
}

// sampleEventRows are id | date | title | first topic.
const sampleEventRows = `annexion-krim|2014-03-18|Russland annektiert die Krim|ukraine-krieg
aufbau-kim-jong-il|1970/1979|Kim Il-sung baut seinen Sohn zum Nachfolger auf|kim-dynastie
chinesisch-sowjetisches-zerwuerfnis|~1960|Zerwürfnis zwischen China und der Sowjetunion|chinas-rolle
choe-in-moskau|2024-01-15/2024-01-17|Außenministerin Choe Son-hui in Moskau|diplomatie-und-besuche
corona-nordkorea-2022|2022-05-12|Nordkorea meldet erste Corona-Fälle|
demokratisierung-suedkorea|1987|Demokratisierung Südkoreas|kim-dynastie
erster-atomtest-2006|2006-10-09|Erster nordkoreanischer Atomtest|atomprogramm
geburt-kim-il-sung|1912|Geburt Kim Il-sungs|kim-dynastie
geburt-kim-jong-il|1941/1942?|Geburt Kim Jong-ils|kim-dynastie
geburt-kim-jong-un|1982/1984?|Geburt Kim Jong-uns|kim-dynastie
geburt-kim-ju-ae|2012/2013?|Geburt von Kim Jong-uns Tochter|kim-dynastie
gipfel-kim-trump|2018-06-12/2019-06-30|Drei Treffen Kim Jong-uns mit Donald Trump|diplomatie-und-besuche
gipfel-wladiwostok-2019|2019-04-25|Erstes Gipfeltreffen Putin–Kim in Wladiwostok|diplomatie-und-besuche
gipfel-wostotschny-2023|2023-09-13|Gipfel auf dem Weltraumbahnhof Wostotschny|diplomatie-und-besuche
grenzschliessung-pandemie|2020-01|Nordkorea schließt wegen der Pandemie seine Grenzen|nahrung-und-wirtschaft
gruendung-zweier-staaten-1948|1948-08-15/1948-09-09|Gründung der Republik Korea und der Demokratischen Volksrepublik Korea|kim-dynastie
hungersnot-1990er|1994/1998|Hungersnot in Nordkorea|nahrung-und-wirtschaft
hyperschallrakete-januar-2024|2024-01-14|Nordkorea testet eine Hyperschallrakete mittlerer Reichweite|raketen-und-raumfahrt
innerkoreanische-gipfel-2018|2018-04-27/2018-09-20|Innerkoreanische Gipfeltreffen|diplomatie-und-besuche
japanische-kolonialherrschaft|1910/1945|Korea unter japanischer Kolonialherrschaft|kim-dynastie
kim-il-sung-exil-sowjetunion|1940|Kim Il-sung geht ins sowjetische Exil|kim-dynastie
kim-in-komsomolsk-und-wladiwostok|2023-09-15/2023-09-17|Kim besucht Komsomolsk am Amur und Wladiwostok|diplomatie-und-besuche
kim-ju-ae-erster-auftritt|2022-11|Staatsmedien zeigen erstmals Kims Tochter|kim-dynastie
kim-reist-nach-russland|2023-09-12|Kim Jong-un trifft mit dem Panzerzug in Russland ein|diplomatie-und-besuche
koreakrieg-beginn|1950-06-25|Nordkorea greift den Süden an: Beginn des Koreakriegs|kim-dynastie
koreakrieg-china-greift-ein|1950-10|UN-Truppen stoßen nach Norden vor, China greift ein|kim-dynastie
lawrow-in-pjoengjang|2023-10-18/2023-10-19|Außenminister Lawrow in Pjöngjang|diplomatie-und-besuche
nordkorea-anerkennung-volksrepubliken|2022-07-13|Nordkorea erkennt die „Volksrepubliken“ Luhansk und Donezk an|ukraine-krieg
nordkoreanische-delegation-august-2023|2023-08|Nordkoreanische Delegation in Wladiwostok und Moskau|diplomatie-und-besuche
nordkoreanische-raketen-gegen-ukraine|2024-01-04|Weißes Haus: Russland setzt nordkoreanische Raketen gegen die Ukraine ein|waffenlieferungen
putin-artikel-rodong-sinmun|2024-06-18|Putins Gastbeitrag in der Rodong Sinmun|propaganda-und-medien
putin-in-pjoengjang-vertrag|2024-06-19|Putin in Pjöngjang: Vertrag über umfassende strategische Partnerschaft|diplomatie-und-besuche
raketenstart-waehrend-gipfel|2023-09-13|Nordkorea feuert ballistische Raketen ab|raketen-und-raumfahrt
russische-lieferungen-2023|2023-01|Russland beginnt regelmäßige Lieferungen nach Nordkorea|nahrung-und-wirtschaft
russische-rueckzuege-2022|2022-03/2022-11|Russische Rückzüge bei Kiew, Charkiw und Cherson|ukraine-krieg
russische-touristen-februar-2024|2024-02|Erste russische Touristengruppe nach der Pandemie in Nordkorea|nahrung-und-wirtschaft
russischer-angriffskrieg|2022-02-24|Russland beginnt den umfassenden Angriffskrieg gegen die Ukraine|ukraine-krieg
schoigu-in-pjoengjang|2023-07-25/2023-07-27|Verteidigungsminister Schoigu in Pjöngjang|diplomatie-und-besuche
sicherheitsrat-nordkoreanische-raketen|2024-01-08/2024-01-14|Streit im UN-Sicherheitsrat über nordkoreanische Raketen|sanktionen
teilung-koreas-1945|1945-08/1945-09|Sowjetische und amerikanische Truppen besetzen Korea|kim-dynastie
tod-kim-il-sung|1994-07-08|Tod Kim Il-sungs, Kim Jong-il übernimmt|kim-dynastie
tod-kim-jong-il|2011-12-17|Tod Kim Jong-ils, Kim Jong-un übernimmt die Macht|kim-dynastie
u-boot-hero-kim-kun-ok|2023-09-06|Stapellauf des U-Boots „Hero Kim Kun Ok“|atomprogramm
ukrainische-gegenoffensive-2023|2023-06|Beginn der ukrainischen Gegenoffensive|ukraine-krieg
un-sanktionen-2006|2006-10-14|Erste UN-Sanktionen gegen Nordkorea|sanktionen
usa-tausend-container|2023-10-13|USA: Nordkorea hat mehr als tausend Container mit Rüstungsgütern geliefert|waffenlieferungen
usa-waffengespraeche-schreiten-voran|2023-08-30|USA: Waffengespräche zwischen Russland und Nordkorea „schreiten aktiv voran“|waffenlieferungen
waffenstillstand-1953|1953-07-27|Waffenstillstand im Koreakrieg|kim-dynastie
zerfall-sowjetunion|1991-12|Zerfall der Sowjetunion|kim-dynastie`

// sampleEvents returns the dossier's events as the timeline page passes them.
func sampleEvents(tb testing.TB) []Event {
	tb.Helper()
	var es []Event
	for _, line := range strings.Split(sampleEventRows, "\n") {
		f := strings.Split(line, "|")
		d, err := date.Parse(f[1])
		if err != nil {
			tb.Fatalf("date.Parse(%q): %v", f[1], err)
		}
		topic := -1
		if t, ok := sampleTopic[f[3]]; ok {
			topic = t
		}
		es = append(es, Event{ID: f[0], Title: f[2], URL: "../events/" + f[0] + "/",
			Start: d.Start(), End: d.End(), Label: d.German(), Topic: topic})
	}
	return es
}

// eventsWith returns the events whose id contains any of words: an actor's or a topic's.
func eventsWith(es []Event, words ...string) []Event {
	var out []Event
	for _, e := range es {
		for _, w := range words {
			if strings.Contains(e.ID, w) || strings.Contains(e.Title, w) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

var sampleGroupNames = []string{"Person", "Staat", "Organisation", "Medium"}

// sampleActors are id | name | group.
const sampleActors = `putin|Wladimir Putin|0
kim|Kim Jong-un|0
kim-il-sung|Kim Il-sung|0
kim-jong-il|Kim Jong-il|0
kim-yo-jong|Kim Yo-jong|0
kim-ju-ae|Kim Ju-ae|0
schoigu|Sergei Schoigu|0
lawrow|Sergei Lawrow|0
choe|Choe Son-hui|0
stalin|Josef Stalin|0
xi|Xi Jinping|0
trump|Donald Trump|0
sacharowa|Maria Sacharowa|0
nebensja|Wassili Nebensja|0
koslow|Alexander Koslow|0
lukin|Artjom Lukin|0
cha|Victor Cha|0
pacheco|Ramon Pacheco Pardo|0
lukjanow|Fjodor Lukjanow|0
volker|Kurt Volker|0
russland|Russland|1
nordkorea|Nordkorea|1
suedkorea|Südkorea|1
china|China|1
usa|USA|1
ukraine|Ukraine|1
japan|Japan|1
sowjetunion|Sowjetunion|1
iran|Iran|1
belarus|Belarus|1
kreml|Kreml|2
nato|Nato|2
un|Vereinte Nationen|2
sicherheitsrat|UN-Sicherheitsrat|2
weisses-haus|Weißes Haus|2
csis|Center for Strategic and International Studies|2
kcna|KCNA|3
rodong|Rodong Sinmun|3
reuters|Reuters|3
nknews|NK News|3
zdf|ZDF|3`

// sampleParagraphs each name the actors one paragraph of the articles names.
const sampleParagraphs = `putin kim russland nordkorea
putin kim kreml
putin kim schoigu russland nordkorea
putin kim russland nordkorea ukraine
putin kim
putin kim russland nordkorea usa
putin kim lawrow
putin kim nordkorea russland kcna
putin kim rodong
putin kim xi china
putin kim china russland nordkorea
putin russland ukraine nato
putin russland ukraine usa
putin ukraine
putin kreml russland
putin kim-il-sung stalin sowjetunion
kim kim-jong-il kim-il-sung nordkorea
kim kim-ju-ae nordkorea kcna
kim kim-yo-jong nordkorea
kim kim-ju-ae
kim trump usa suedkorea
kim trump nordkorea
kim nordkorea schoigu
kim nordkorea russland kcna
kim nordkorea suedkorea japan
kim-il-sung stalin sowjetunion nordkorea
kim-il-sung sowjetunion china
kim-il-sung kim-jong-il nordkorea
kim-jong-il nordkorea sowjetunion
schoigu nordkorea russland
schoigu kim
lawrow nordkorea choe
lawrow choe russland nordkorea
choe russland lawrow
choe kim
sacharowa russland usa
nebensja sicherheitsrat usa russland
nebensja sicherheitsrat nordkorea
sicherheitsrat un nordkorea usa
un nordkorea sicherheitsrat
weisses-haus usa nordkorea russland ukraine
weisses-haus koslow usa russland
koslow russland nordkorea
lukin russland nordkorea china
lukin putin kim
cha csis usa nordkorea
cha russland nordkorea
pacheco nordkorea russland suedkorea
pacheco ukraine russland
lukjanow russland kreml
volker usa ukraine russland
reuters nordkorea russland
reuters usa
nknews nordkorea
nknews kcna nordkorea
zdf russland nordkorea
iran russland ukraine
belarus russland ukraine
suedkorea japan usa
suedkorea usa nato
china russland usa
china nordkorea
japan nordkorea
iran nordkorea russland
nordkorea russland ukraine
nordkorea russland
nordkorea russland
nordkorea russland usa
nordkorea suedkorea
russland ukraine`

// sampleNetwork returns about forty actors with mentions and co-mentions counted from
// sampleParagraphs, the way the dossier counts them from the articles.
func sampleNetwork(tb testing.TB) ([]Node, []Edge) {
	tb.Helper()
	var nodes []Node
	index := map[string]int{}
	for _, line := range strings.Split(sampleActors, "\n") {
		f := strings.Split(line, "|")
		index[f[0]] = len(nodes)
		nodes = append(nodes, Node{ID: f[0], Label: f[1], URL: "../actors/" + f[0] + "/", Group: int(f[2][0] - '0')})
	}
	weights := map[[2]string]int{}
	var pairs [][2]string
	for _, p := range strings.Split(sampleParagraphs, "\n") {
		ids := strings.Fields(p)
		for i, a := range ids {
			n, ok := index[a]
			if !ok {
				tb.Fatalf("sampleParagraphs: unknown actor %q", a)
			}
			nodes[n].Weight += 2
			for _, b := range ids[i+1:] {
				k := [2]string{min(a, b), max(a, b)}
				if weights[k] == 0 {
					pairs = append(pairs, k)
				}
				weights[k]++
			}
		}
	}
	for i := range nodes {
		nodes[i].Weight += len(nodes[i].Label) % 5 // mentions outside shared paragraphs
	}
	var edges []Edge
	for _, k := range pairs {
		edges = append(edges, Edge{From: k[0], To: k[1], Weight: weights[k]})
	}
	return nodes, edges
}
