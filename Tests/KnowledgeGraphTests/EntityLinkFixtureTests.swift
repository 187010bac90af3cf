import Foundation
import QuiverCore
import Testing
import TextAnalysis
@testable import KnowledgeGraph

/// Entity-link precision and recall on 200 mentions of the shared HotpotQA and MuSiQue corpora, labelled
/// by hand for this test: every place where a title's name (without its disambiguation) is written in
/// another passage, sampled at random and from the hard cases — one-word titles with a disambiguation
/// ("She (Green Day song)"), months ("December (magazine)"), acronyms, sentence-initial words, names
/// qualified by a place ("Boston, Lincolnshire") — each with the few words around it that decided the label.
///
/// `correct` says whether the mention means that title's entity. The test measures the linker before
/// context checks (every capitalised title match outside a longer name links, as the linker did before
/// `LinkSupport`) and after, and holds the linker's precision at 95 % or more.
@Suite(.enabled(if: DataLocation.item("multihop/musique/corpus.jsonl") != nil, "skipped: QUIVER_DATA not found"))
struct EntityLinkFixtureTests {
    struct Labelled: Sendable {
        var corpus: String
        var passage: String
        /// Unicode scalar offset of the mention in the passage text.
        var start: Int
        var surface: String
        var title: String
        var correct: Bool
        var context: String
        init(_ corpus: String, _ passage: String, _ start: Int, _ surface: String, _ title: String, _ correct: Bool,
             _ context: String) {
            (self.corpus, self.passage, self.start, self.surface, self.title, self.correct, self.context) =
                (corpus, passage, start, surface, title, correct, context)
        }
    }

    static let fixture: [Labelled] = [
        .init("hotpotqa", "p455", 343, "Texas", "The Texas (locomotive)", false, "n, the Utah Starzz relocated to San Antonio, Texas and became the San Antonio Silver"),
        .init("hotpotqa", "p1719", 181, "Joint", "Joint (cannabis)", false, "who served as the ninth Vice Chairman of the Joint Chiefs of Staff from August 4, 201"),
        .init("hotpotqa", "p316", 50, "Joint", "Joint (cannabis)", false, "ore-Chernomyrdin Commission, or U.S.-Russian Joint Commission on Economic and Technol"),
        .init("hotpotqa", "p1285", 567, "December", "December (magazine)", false, "ragedy. The film is scheduled for release on December 25, 2018, giving it one of the lon"),
        .init("hotpotqa", "p2328", 156, "Airport", "Airport (1970 film)", false, "u Baiyun International Airport in the People's Republic of China,"),
        .init("hotpotqa", "p108", 4, "Alexander", "Alexander (Alex Ebert album)", false, "Sir Alexander Matthew Busby, CBE, KCSG (26 May 1"),
        .init("hotpotqa", "p3939", 829, "Live", "Live (band)", false, "ecorded most of the tracks on \"Richie Havens Live at the Cellar Door\" there in 1970"),
        .init("hotpotqa", "p1519", 182, "Rebel", "The Rebel (book)", false, "o\" Crawford opposite James Dean in the film \"Rebel Without a Cause\" (1955). He was tw"),
        .init("hotpotqa", "p176", 180, "History", "History (band)", false, "by the International Federation of Football History & Statistics (IFFHS). The votes ar"),
        .init("hotpotqa", "p3917", 328, "History", "History (band)", false, "In 2011 she received the Governor General’s History Award for Popular History (The Pie"),
        .init("hotpotqa", "p2427", 172, "She", "She (Green Day song)", false, "1770s; she was launched on 21 November 1767. She bore the name HMS \"Explosion\" betw"),
        .init("hotpotqa", "p3932", 66, "Boston", "Boston, Lincolnshire", false, "ict is a historic district on West Street in Boston, Massachusetts, one of the city's"),
        .init("hotpotqa", "p4208", 272, "Skulls", "The Skulls (American band)", false, "aff was assembled. This is the only Place of Skulls album to feature Scott Weinrich (o"),
        .init("hotpotqa", "p1969", 317, "Airport", "Airport (1970 film)", false, "nd the 15th busiest airport in Russia. Kazan Airport served nearly 3.8 million citizens"),
        .init("hotpotqa", "p1655", 739, "December", "December (magazine)", false, "opical Cyclone 07S, entering the basin on 27 December 2002. The last system, Cyclone Epi"),
        .init("hotpotqa", "p1112", 124, "Army", "Army (Ellie Goulding song)", false, "(21 June 1884 – 23 March 1981) was a British Army commander during the Second World"),
        .init("hotpotqa", "p2581", 665, "Clinton", "Clinton, Minnesota", false, "ion research material to use against Hillary Clinton in the 2016 presidential election."),
        .init("hotpotqa", "p3333", 689, "She", "She (Green Day song)", false, "Report. She was then director of UNDP's Office"),
        .init("hotpotqa", "p3116", 291, "She", "She (Green Day song)", false, "(Carnegie Mellon University Press, 2013)\" .\" She is co-winner of the Sheila Motton"),
        .init("hotpotqa", "p1018", 204, "Texas", "The Texas (locomotive)", false, "ar the northern border of the State close to Texas, Queensland, from which it is sepa"),
        .init("hotpotqa", "p4240", 142, "Texas", "The Texas (locomotive)", false, "the legend, in 1887 four brothers in Dryden, Texas—Frank, Jim, John, and Lee Reagan—h"),
        .init("hotpotqa", "p3882", 70, "More", "More (Alison Moyet song)", false, "ord made up of the notes F, B, D♯ , and G♯ . More generally, it can be any chord tha"),
        .init("hotpotqa", "p1934", 651, "Liberty", "Liberty (Adventist magazine)", false, "s a Paulus Hook stop at Essex Street and the Liberty Water Taxi at Warren Street. The i"),
        .init("hotpotqa", "p4458", 337, "She", "She (Green Day song)", false, "reen Mountains\" and many other publications. She was contributing food editor for \""),
        .init("hotpotqa", "p2547", 36, "December", "December (magazine)", false, "Mary Alden Osgood Childers, MBE (14 December 1875 – 1 January 1964) was an Amer"),
        .init("hotpotqa", "p1113", 51, "Bharatpur", "Bharatpur, Rajasthan", true, "ndra Singh (Born 23 June 1962 at Moti Mahal, Bharatpur) is a member of the Legislative As"),
        .init("hotpotqa", "p1241", 84, "She", "She (Green Day song)", false, "2012) was an American writer and filmmaker. She is best known for her romantic com"),
        .init("hotpotqa", "p1155", 860, "Truth", "Truth (anti-tobacco campaign)", true, "ican Legacy Foundation to Truth Initiative on September 8, 2015, t"),
        .init("hotpotqa", "p4429", 199, "She", "She (Green Day song)", false, ", \"David and Lindy\", were published in 1978. She and Connie Willis have co-written"),
        .init("hotpotqa", "p4517", 248, "Airport", "Airport (1970 film)", false, "leased in the same year as \"The Concorde ... Airport '79\" and featuring actor Joseph Co"),
        .init("hotpotqa", "p1479", 2529, "Boston", "Boston, Lincolnshire", false, "d as senior vice president of The Boston Consulting Group in Los Angeles an"),
        .init("hotpotqa", "p1610", 463, "Works", "The Works (restaurant)", false, "e published in English in the United States. Works published in English elsewhere in"),
        .init("hotpotqa", "p3298", 143, "Harris", "Harris, Forbes &amp; Co.", false, "ylar Grey. The song was written by Grey, Sam Harris, Noah Feldshuh, Casey Harris, Adam"),
        .init("hotpotqa", "p4459", 366, "She", "She (Green Day song)", false, "used to teach students of the culinary arts. She is recognized as an authority on a"),
        .init("hotpotqa", "p1097", 94, "She", "She (Green Day song)", false, "3, 1980) is an American actress and dancer. She began her career as a backup dance"),
        .init("musique", "p1871", 42, "Pocahontas", "Pocahontas, Arkansas", false, "Seebert is an unincorporated community in Pocahontas County, West Virginia, United Stat"),
        .init("hotpotqa", "p1893", 297, "She", "She (Green Day song)", false, "for L.A. Weekly and the \"Los Angeles Times\". She has appeared in a handful of TV sh"),
        .init("musique", "p1177", 429, "Brother", "Brother (Pearl Jam song)", false, "7)`` What a Wonderful World ''(1967) ``Hello Brother'' (1968)`` Mi va de cantare ''(196"),
        .init("hotpotqa", "p2802", 667, "McFarland", "McFarland, USA", true, ", and Million Dollar Arm and Kevin Costner's McFarland USA. Awaiting release is the world"),
        .init("hotpotqa", "p1117", 84, "Bharatpur", "Bharatpur, Rajasthan", false, "t took place in the Indian princely state of Bharatpur (now part of Rajasthan) between De"),
        .init("hotpotqa", "p1307", 292, "Cups", "CUPS (CMU)", false, "would submit bids for both the 2018 and 2022 Cups. In October 2010 it withdrew from"),
        .init("musique", "p1066", 313, "Fix", "Fix (film)", false, "Hart, who assisted her with editing \"We Can Fix It\". She currently lives in New Yo"),
        .init("hotpotqa", "p1991", 839, "Belle", "Belle (Disney song)", false, "tory evolved in order to return its focus to Belle."),
        .init("hotpotqa", "p460", 41, "Eighth", "The Eighth (United States)", false, "Christus Apollo: Cantata Celebrating the Eighth Day of Creation and the Promise of"),
        .init("hotpotqa", "p3177", 114, "She", "She (Green Day song)", false, "of Demeter and Poseidon and sister of Arion. She was the goddess of mysteries of Ar"),
        .init("hotpotqa", "p1525", 314, "Bradley", "Bradley, North Yorkshire", false, ", Mae Whitman, Jack DeSena, Dante Basco, Dee Bradley Baker, Mako Iwamatsu and Jason Isa"),
        .init("hotpotqa", "p4304", 2041, "General", "The General (1926 film)", false, "onal Guardsman to head a numbered air force. General Finch had a career of \"firsts\" inc"),
        .init("hotpotqa", "p4275", 261, "Lisianthus", "Lisianthus (disambiguation)", false, "n, prairie gentian The Bolero Deep Blue, and Lisianthus."),
        .init("hotpotqa", "p2499", 42, "December", "December (magazine)", false, "Edward Davis Wood Jr. (October 10, 1924 – December 10, 1978) was an American filmmake"),
        .init("hotpotqa", "p2434", 153, "She", "She (Green Day song)", false, "i Germany that was sunk during World War II. She was launched as München (sometimes"),
        .init("hotpotqa", "p1603", 233, "SARS", "SARS (disambiguation)", false, "is research on the viral respiratory disease SARS allowed the Chinese government to"),
        .init("hotpotqa", "p45", 591, "LIVE", "Live (band)", false, "0, but has since been replaced by \"Mindfreak LIVE\" on 11 May 2016 (the show is partl"),
        .init("musique", "p636", 465, "EURO", "Euro", false, "the social-democratic EDEK and the centrist EURO.KO. In 2008, Dimitris Christofias"),
        .init("hotpotqa", "p1605", 105, "SARS", "SARS (disambiguation)", false, "spiratory syndrome (SARS) is a viral respiratory disease of"),
        .init("hotpotqa", "p1600", 90, "SARS", "SARS (disambiguation)", false, "tbreak of severe acute respiratory syndrome (SARS)."),
        .init("hotpotqa", "p1605", 35, "SARS", "SARS (disambiguation)", false, "Severe acute respiratory syndrome (SARS) is a viral respiratory disease of"),
        .init("hotpotqa", "p1605", 123, "SARS", "SARS (disambiguation)", false, "(SARS) is a viral respiratory disease of"),
        .init("hotpotqa", "p32", 50, "WINNER", "Winner (band)", true, "S/S is the debut album of South Korean group WINNER. It was released on August 12, 201"),
        .init("hotpotqa", "p3391", 901, "INXS", "INXS", true, "MMA which was owned by legendary rock outfit INXS."),
        .init("hotpotqa", "p1605", 186, "SARS", "SARS (disambiguation)", false, "d by the SARS coronavirus (SARS-CoV). Between No"),
        .init("hotpotqa", "p1605", 414, "SARS", "SARS (disambiguation)", false, "World Health Organization (WHO). No cases of SARS have been reported worldwide since"),
        .init("hotpotqa", "p2293", 240, "Waimea", "Waimea", true, "n the Hawaiian Islands of the United States. Waimea is Hawaiian for \"reddish water\", a"),
        .init("musique", "p1507", 147, "Virginia", "Virginia", false, ", Virginia, United States. Kimballton is loca"),
        .init("hotpotqa", "p2742", 0, "Catan", "Catan", false, "Catan: Cities & Knights (German: \"Städte"),
        .init("musique", "p268", 408, "Greece", "Greece", true, "n exchange rate of 340.75 drachmae per euro. Greece is a member of the International M"),
        .init("hotpotqa", "p1623", 60, "Singh", "Singh", false, "ian drama film written and directed by V. K. Singh, produced by Rekha Yadav and Nares"),
        .init("hotpotqa", "p573", 517, "Juliet", "Juliet", true, "is called the balcony scene by many people. Juliet not only makes the statement above"),
        .init("musique", "p1227", 1374, "Nigeria", "Nigeria", true, "achieved in 1960 when Nigeria declared its independence and Brit"),
        .init("musique", "p383", 0, "France", "France", true, "France's highest courts are located in Pa"),
        .init("hotpotqa", "p2293", 0, "Waimea", "Waimea", false, "Waimea Canyon, also known as the \"Grand C"),
        .init("musique", "p1684", 176, "Eswatini", "Eswatini", true, "duties apply uniformly to member countries. Eswatini, Lesotho, Namibia, and South Afric"),
        .init("musique", "p756", 0, "Delhi", "Delhi", true, "Delhi had served as the political and fi"),
        .init("hotpotqa", "p322", 100, "Dirleton", "Dirleton", true, "ituated to the north of the village green in Dirleton, in East Lothian, Scotland. Dirlet"),
        .init("musique", "p966", 238, "Water", "Water", true, "re is a relatively continuous 26 °C (79 °F). Water sources such as lakes or rivers ar"),
        .init("musique", "p1781", 695, "Knott", "Knott", false, "tractions. In 1940, Walter Knott began constructing a replica ghost"),
        .init("musique", "p1554", 742, "Dracula", "Dracula", false, ", and thinking that Ericka likes him, inform Dracula about what they heard. Dracula ner"),
        .init("musique", "p992", 316, "Greece", "Greece", true, ". A total of 764 km of rail are electrified. Greece has rail connections with Bulgaria"),
        .init("hotpotqa", "p2736", 0, "Catan", "Catan", false, "Catan Histories: Struggle for Rome is a"),
        .init("musique", "p1288", 341, "Water", "Water", true, "a paved trail leading to observation sites. Water flow is greatest during the winter"),
        .init("hotpotqa", "p1579", 349, "Guest", "The Guest", false, ") in the United States on November 21, 2002. Guest stars in \"Marry Me a Little, Marry"),
        .init("musique", "p1554", 639, "Dracula", "Dracula", false, "ing to kill Dracula at an underwater volcano, Ericka m"),
        .init("musique", "p1424", 67, "Austria", "Austria", true, "h had occupied many of the Alpine countries. Austria underwent a political coup that ma"),
        .init("hotpotqa", "p3549", 0, "Polypodium", "Polypodium", true, "Polypodium is derived from the Greek \"Polus\","),
        .init("hotpotqa", "p4004", 0, "Salvia", "Salvia", true, "Salvia is the largest genus of plants in"),
        .init("musique", "p1684", 332, "Eswatini", "Eswatini", true, "iation and unrestricted funds are permitted. Eswatini issues its own currency, the lilan"),
        .init("hotpotqa", "p2292", 119, "Waimea", "Waimea", false, "in the Hawaiian Islands at the mouth of the Waimea River. Waimea Valley extends behin"),
        .init("hotpotqa", "p2450", 439, "December", "December (magazine)", false, "of Principles and Action Plan adopted on 12 December 2003, to prepare for a decision at"),
        .init("hotpotqa", "p1307", 393, "December", "December (magazine)", false, "ess to focus on winning the 2022 edition. On December 2, 2010, it was announced that Qat"),
        .init("hotpotqa", "p244", 15, "December", "December (magazine)", false, "Louise Bryant (December 5, 1885 – January 6, 1936) was an"),
        .init("hotpotqa", "p1129", 153, "December", "December (magazine)", false, "ithout a Santa Claus\" which premiered on NBC December 11, 2006. A widescreen DVD was rel"),
        .init("hotpotqa", "p2729", 339, "December", "December (magazine)", false, "Alan Passaro at the Altamont Free Concert in December 1969."),
        .init("hotpotqa", "p2304", 56, "December", "December (magazine)", false, "ne \"Eugene\" or \"Goober\" Cox (April 3, 1880 – December 24, 1952) served as a U.S. Represe"),
        .init("hotpotqa", "p308", 48, "December", "December (magazine)", false, "Second Battle of Agordat was fought in late December 1893, between Italian colonial tro"),
        .init("hotpotqa", "p4649", 24, "December", "December (magazine)", false, "John \"Jack\" Russell (21 December 1795 – 28 April 1883), known as \"T"),
        .init("hotpotqa", "p3568", 27, "December", "December (magazine)", false, "Vincent Ford (c. 1940 – 28 December 2008), known as \"Tata\" or \"Tartar\""),
        .init("hotpotqa", "p1566", 17, "December", "December (magazine)", false, "Joe Walker (born December 11, 1992) is an American football"),
        .init("musique", "p38", 324, "New York", "New York, Susquehanna & Western Railroad ALCO Type S-2 Locomotive", false, "he Arthur Kill, and to the east by the Lower New York Bay."),
        .init("hotpotqa", "p2715", 563, "Skin Yard", "Skin Yard (album)", false, "the United States of America, Silkworm, and Skin Yard. In 2003 he moved from Seattle to"),
        .init("hotpotqa", "p398", 276, "Manon Lescaut", "Manon Lescaut (Puccini)", true, "\"La bohème\" and the title role in Puccini's \"Manon Lescaut\" in its 1893 world premiere. Ferra"),
        .init("hotpotqa", "p162", 219, "Front Row", "Front Row (software)", true, "was originally designed to interact with the Front Row media program on the iSight iMac G"),
        .init("hotpotqa", "p154", 135, "Winnie-the-Pooh", "Winnie the Pooh (song)", false, "tional tiger from the children's book series Winnie-the-Pooh. Although Tigger's birthday is bel"),
        .init("musique", "p1050", 78, "Leader of the Opposition", "Leader of the Opposition (Jamaica)", false, "who is leading the majority, there is also a Leader of the Opposition (LOP) – leading the opposition par"),
        .init("hotpotqa", "p2058", 131, "Lana Del Rey", "Lana Del Rey (EP)", false, "nded plays, 20 singles, and 16 music videos. Lana Del Rey signed a record deal with 5 Points"),
        .init("hotpotqa", "p4041", 240, "polar bear", "Polar Bear (cocktail)", false, "ey for a charitable organization. In Canada, polar bear swims are usually held on New Year"),
        .init("musique", "p1062", 92, "New York", "New York, Susquehanna & Western Railroad ALCO Type S-2 Locomotive", false, "hool located in New Berlin, Chenango County, New York, U.S.A., and is the only high scho"),
        .init("hotpotqa", "p540", 428, "Teen Titans Go", "Teen Titans Go! (TV series)", true, "every day. Sporting a new animation style, \"Teen Titans Go!\" serves as a comedic spin-off wit"),
        .init("hotpotqa", "p1959", 338, "strip search", "Strip Search (film)", false, "res on an employee. The film is based on the strip search prank call scam that took place at"),
        .init("hotpotqa", "p1211", 194, "A Lot About Livin", "A Lot About Livin' (And a Little 'bout Love)", true, "s the fifth and final single from his album \"A Lot About Livin' (And a Little 'bout Love)\". The s"),
        .init("musique", "p1036", 109, "Leader of the Opposition", "Leader of the Opposition (Jamaica)", false, "the United Workers' Party. He is the current Leader of the Opposition, the youngest ever to hold that po"),
        .init("hotpotqa", "p1137", 73, "Naked Brothers Band", "The Naked Brothers Band (album)", false, "The Naked Brothers Band: Music from the Movie is an EP/sou"),
        .init("hotpotqa", "p2920", 247, "clock tower", "Clock Tower, Brighton", false, "Mosque because in 1870 the Ottomans built a clock tower next to it. The clock tower was de"),
        .init("hotpotqa", "p112", 261, "Brown County", "Brown County, Kansas", false, "t (4 m) deep. The area was formerly known as Brown County State Park, and is 8 miles (13 km)"),
        .init("musique", "p1052", 164, "Leader of the Opposition", "Leader of the Opposition (Jamaica)", false, "ster of India from 2002 to 2004, and was the Leader of the Opposition in the 15th Lok Sabha. The book wa"),
        .init("hotpotqa", "p4756", 245, "family life", "Family Life (1971 Polish film)", false, "December 29, 2009. The show deals with their family life and with their efforts to lose wei"),
        .init("hotpotqa", "p2946", 1868, "no-one", "No One (Alicia Keys song)", false, "g that the tree be spared obscurity (or that no-one will remember it). She immortalize"),
        .init("hotpotqa", "p1396", 759, "West Athens", "West Athens, California", true, "Inglewood, Lawndale, Lennox, Marina del Rey, West Athens, Westchester, Westmont and Venice"),
        .init("hotpotqa", "p243", 512, "Civil War", "Civil War (college football game)", false, "d in 1918 and continued during and after the Civil War until around 1924. The Bolsheviks"),
        .init("hotpotqa", "p2828", 199, "Hot Rod", "Hot Rod (magazine)", false, "Steve Gibbs, vice-president of the National Hot Rod Association, in October 1992, as a"),
        .init("hotpotqa", "p1991", 393, "Beauty and the Beast", "Beauty and the Beast (Disney song)", false, "r that takes place during the first half of \"Beauty and the Beast\", performed by the castle's staff"),
        .init("hotpotqa", "p1704", 1, "American Beauty", "American Beauty (1927 film)", false, "\"American Beauty\" is a 1999 American drama film dir"),
        .init("hotpotqa", "p3016", 327, "Weekly Shonen Jump", "Weekly Shonen Jump (American magazine)", false, "Fuku! Jaguar\" which was also serialized in \"Weekly Shonen Jump\" between 2000 and 2010, adapted in"),
        .init("hotpotqa", "p4010", 687, "Le roi malgré lui", "Le roi malgré lui", true, "phony. Ravel wrote that the opening bars of \"Le roi malgré lui\" changed the course of harmony in"),
        .init("hotpotqa", "p3672", 260, "Tron", "Tron", true, "lectroluminescent costume based on the film \"Tron\", which resulted in his nickname T"),
        .init("hotpotqa", "p4231", 106, "English-language", "English language", true, "oducer who has provided voices for dozens of English-language versions of Japanese anime films,"),
        .init("hotpotqa", "p3672", 298, "Tron", "Tron", false, "lectroluminescent costume based on the film \"Tron\", which resulted in his nickname T"),
        .init("hotpotqa", "p1594", 149, "Lewis", "Lewis's", false, "an, and rocket scientist. She worked for the Lewis Research Center (now Glenn Researc"),
        .init("hotpotqa", "p1071", 633, "Encore", "Encore (Eminem song)", false, "le about the early leak of the Eminem album \"Encore\", RNS stopped including their init"),
        .init("musique", "p1275", 296, "Winter Olympic Games", "Winter Olympic Games", true, "mmer Olympic Games held in 24 cities, and 23 Winter Olympic Games held in 20 cities. In addition, th"),
        .init("hotpotqa", "p168", 1615, "remote control", "Remote control", true, "e locomotive in the same way as a television remote control or garage door opener functions. I"),
        .init("hotpotqa", "p770", 509, "December", "December (magazine)", false, "ercent of hospitals in the United States. In December 2013, it was announced that Cardin"),
        .init("hotpotqa", "p3212", 133, "dime novel", "Dime novel", true, "re was an American dime novel first published by Frank Tousey an"),
        .init("hotpotqa", "p3219", 191, "Langston Hughes", "Langston Hughes", true, "ture and named after African-American writer Langston Hughes. The building has Seattle landmark"),
        .init("hotpotqa", "p449", 60, "Boston", "Boston, Lincolnshire", true, "hamlet in the civil parish of Kirton in the Boston district of Lincolnshire, England."),
        .init("musique", "p562", 79, "North Dakota", "North Dakota", true, "ocated in Dickey County and McIntosh County, North Dakota, and McPherson County, South Dakot"),
        .init("hotpotqa", "p4449", 50, "Saul Metzstein", "Saul Metzstein", true, "is a 2005 black comedy war film directed by Saul Metzstein, based on the novel \"No One Thinks"),
        .init("hotpotqa", "p837", 180, "She", "She (Green Day song)", false, "r Enterprise and Innovation since June 2017. She has been a Teachta Dála (TD) since"),
        .init("musique", "p712", 244, "New York", "New York, Susquehanna & Western Railroad ALCO Type S-2 Locomotive", false, "or by Governors Island National Monument, in New York. Historic sites under federal mana"),
        .init("hotpotqa", "p165", 358, "Apple Remote", "Apple Remote", true, "on iTunes and iPhoto and is controlled by an Apple Remote or the keyboard function keys. The"),
        .init("musique", "p1562", 430, "Houston", "Houston", false, "eason Top seed Houston Rockets Season MVP James Harden (H"),
        .init("musique", "p235", 120, "Republic of the Congo", "Republic of the Congo", false, "ibutary of the Kasai River in the Democratic Republic of the Congo."),
        .init("musique", "p95", 58, "Four", "Four (One Direction album)", false, "f wins Notes Most recent Western Province 34 Four shared 2017 Northern Transvaal / B"),
        .init("hotpotqa", "p680", 633, "She", "She (Green Day song)", false, "ence: Bracha L. Ettinger and Jacques Lacan\". She co-edited a collection with Angela"),
        .init("hotpotqa", "p1499", 82, "Beatles", "The Beatles", true, "itten by George Harrison and released on the Beatles' 1967 album \"Sgt. Pepper's Lonely"),
        .init("hotpotqa", "p3704", 0, "Peter Curtis", "Peter Curtis (tennis)", false, "Peter Curtis Lamont (born 12 November 1929) is"),
        .init("hotpotqa", "p4672", 331, "December", "December (magazine)", false, "digitally released \"Christmas in Atlanta\" in December 2014, which reached the top 30 on"),
        .init("musique", "p265", 349, "Delhi", "Delhi", false, "Green 291,660 2016 2016 Shiv Chawrasia India Delhi Golf Club 273 − 15 2 strokes Anirb"),
        .init("hotpotqa", "p800", 383, "She", "She (Green Day song)", false, "nning female gospel group The Clark Sisters. She is the mother of contemporary gosp"),
        .init("hotpotqa", "p3027", 56, "Ava DuVernay", "Ava DuVernay", true, "Life is a 2008 documentary film directed by Ava DuVernay, which chronicles the alternative"),
        .init("musique", "p1495", 64, "North Dakota", "North Dakota", true, "s one of the nine townships of Logan County, North Dakota, United States. It lies in the nor"),
        .init("hotpotqa", "p3541", 160, "Zhanggong District", "Zhanggong District", true, "e airport was located in Shuinan New Area in Zhanggong District. It was named after the nearby vil"),
        .init("hotpotqa", "p311", 69, "December", "December (magazine)", false, "(born Leslie Lynch King Jr.; July 14, 1913 – December 26, 2006) was an American politici"),
        .init("hotpotqa", "p857", 1206, "She", "She (Green Day song)", false, "lin Sommerfest der Literaturen in July 2002. She has completed her own experimental"),
        .init("hotpotqa", "p4475", 578, "Royal Blood", "Royal Blood (album)", true, "on the band's eponymous debut studio album, \"Royal Blood\". It is currently the duo's highes"),
        .init("hotpotqa", "p1698", 152, "51st Golden Globe Awards", "51st Golden Globe Awards", true, "irected by Carlo Carlei. It was nominated at 51st Golden Globe Awards for Best Foreign Language Film. -"),
        .init("hotpotqa", "p4436", 261, "Domenico Scarlatti", "Domenico Scarlatti", true, "a. He was the father of two other composers, Domenico Scarlatti and Pietro Filippo Scarlatti."),
        .init("hotpotqa", "p3566", 52, "Bob Marley", "Bob Marley", false, "is a posthumous two-disc soundtrack album by Bob Marley & The Wailers. It was released by"),
        .init("musique", "p1880", 191, "state of the Union", "State of the Union", false, "ry became the State of Mississippi, the 20th state of the Union. Natchez, long established as a ma"),
        .init("musique", "p602", 461, "Egypt", "Egypt", true, "dul Nasser's new revolutionary government of Egypt that had taken power in 1952, and"),
        .init("hotpotqa", "p1825", 316, "Unbreakable Kimmy Schmidt", "Unbreakable Kimmy Schmidt", true, "Kimmy Schmidt in the Netflix comedy series \"Unbreakable Kimmy Schmidt\", for which she has received criti"),
        .init("musique", "p331", 184, "Belgium", "Belgium", true, "st of Belradio at Ruysselede, West Flanders, Belgium and crashed killing all ten people"),
        .init("musique", "p1046", 207, "social security", "Social Security (United States)", false, "Mail privatisation,[verification needed] and social security cutbacks, with leaders such as \"Pe"),
        .init("hotpotqa", "p1397", 538, "She", "She (Green Day song)", false, "te, she was a Westchester County Legislator. She was elected to the New York State"),
        .init("hotpotqa", "p3045", 298, "John Frederick Fogerty", "John Frederick Fogerty", true, "erty of Dublin, and grandfather of architect John Frederick Fogerty. He retired as an architect someti"),
        .init("hotpotqa", "p3298", 114, "Harris", "Harris, Forbes &amp; Co.", false, "ylar Grey. The song was written by Grey, Sam Harris, Noah Feldshuh, Casey Harris, Adam"),
        .init("hotpotqa", "p4797", 304, "She", "She (Green Day song)", false, "ize for fiction for \"The Goldfinch\" in 2014. She was included in the list of the \"1"),
        .init("musique", "p1497", 317, "Montana", "Montana", true, "not all, of the states of Colorado, Kansas, Montana, Nebraska, New Mexico, North Dakot"),
        .init("hotpotqa", "p1799", 186, "She", "She (Green Day song)", false, "on the long-running soap opera \"Neighbours\". She is the granddaughter of writer Joh"),
        .init("musique", "p649", 181, "political party", "Political party", true, "a member of the Bharatiya Janata Party (BJP) political party."),
        .init("musique", "p280", 55, "Iowa", "Iowa", true, "an unincorporated community in Floyd County, Iowa, United States. Midway is located"),
        .init("musique", "p653", 154, "Houston", "Houston", false, "in Major League Baseball who played for the Houston Astros and Anaheim Angels."),
        .init("hotpotqa", "p2603", 645, "Airport", "Airport (1970 film)", false, "nistration (FAA) National Plan of Integrated Airport Systems for 2017–2021, in which it"),
        .init("hotpotqa", "p3036", 79, "Affiliated Managers Group", "Affiliated Managers Group", true, "the chairman and chief executive officer of Affiliated Managers Group, Inc. (NYSE: AMG), a global asset"),
        .init("hotpotqa", "p1201", 281, "Beatles", "The Beatles", true, "can radio a song written and recorded by The Beatles titled I Want to Hold Your Hand (t"),
        .init("hotpotqa", "p2794", 219, "Civil War", "Civil War (college football game)", false, "1862 in the Eastern Theater of the American Civil War. Confederate General Robert E. Lee"),
        .init("hotpotqa", "p4516", 252, "Ruggero Deodato", "Ruggero Deodato", true, "working with such directors as Jean Rollin, Ruggero Deodato and Joe D'Amato."),
        .init("hotpotqa", "p3634", 161, "Fall", "The Fall (Camus novel)", false, "e Magnetic Zeros, and a former member of The Fall, Fool's Gold and Cass McCombs."),
        .init("hotpotqa", "p155", 542, "video games", "Video Games (song)", false, "g\". He has also provided voice-over work for video games, such as \"Icewind Dale\", \"Fallout\""),
        .init("hotpotqa", "p316", 142, "Joint", "Joint (cannabis)", false, "Cooperation, was a United States and Russian Joint Commission developed to increase c"),
        .init("hotpotqa", "p335", 132, "December", "December (magazine)", false, "English rock band Radiohead, released on 10 December 2007. The box set is available as"),
        .init("musique", "p718", 333, "Water", "Water", false, "y on this track and ``(Love Is) Thicker than Water ''; Galuten also played keyboards"),
        .init("musique", "p957", 319, "Antarctica", "Antarctica", true, "- wide average surface temperature trend of Antarctica is positive and significant at > 0"),
        .init("hotpotqa", "p3730", 15, "Liezel Huber", "Liezel Huber", true, "Cara Black and Liezel Huber were the two-time defending champi"),
        .init("hotpotqa", "p3245", 472, "She", "She (Green Day song)", false, "n der Merwe, her son Steph and daughter Lua. She was raised in the Cape Province, S"),
        .init("musique", "p1220", 734, "New Zealand", "New Zealand", true, "on of international relations. Australia and New Zealand achieved similar levels of self-go"),
        .init("hotpotqa", "p4776", 13, "Wild", "The Wild", false, "John Otway & Wild Willy Barrett is the 1976 debut al"),
        .init("musique", "p935", 747, "Myanmar", "Myanmar", true, "Federation, Brazil, Finland, Germany, Japan, Myanmar on 27 November 2014 and some more"),
        .init("musique", "p263", 115, "Greece", "Greece", true, ", Cyprus, Estonia, Finland, France, Germany, Greece, Ireland, Italy, Latvia, Lithuania"),
        .init("hotpotqa", "p242", 185, "Army", "Army (Ellie Goulding song)", false, "xplorer, and general in the Imperial Russian Army during World War I and the ensuing"),
        .init("hotpotqa", "p499", 437, "Power of Three", "Power of Three (Charmed)", true, "witches of all time, who use their combined \"Power of Three\" to protect innocent lives from ev"),
        .init("hotpotqa", "p1764", 427, "Key", "The Key (1961 film)", false, "club captain was former England batsman Rob Key who had been club captain since 20"),
        .init("hotpotqa", "p3493", 339, "Commit This to Memory", "Commit This to Memory", true, "ade a breakthrough with their second album, \"Commit This to Memory\", garnering praise and independent"),
        .init("hotpotqa", "p1064", 421, "Tomb Raider", "Tomb Raider", true, "E3 2014 on 9 June. \"Temple of Osiris\" stars \"Tomb Raider\" mainstay protagonist Lara Croft,"),
        .init("hotpotqa", "p3112", 374, "Edward Albee's at Home at the Zoo", "Edward Albee's At Home at the Zoo", true, "n only produce \"The Zoo Story\" as a part of \"Edward Albee's at Home at the Zoo\" (originally titled \"Peter and Jer"),
        .init("musique", "p356", 246, "United Kingdom", "United Kingdom", true, "in April 2002 by Michael O'Mara Books in the United Kingdom. Morton decided to write a biograp"),
        .init("hotpotqa", "p4797", 184, "WH Smith Literary Award", "WH Smith Literary Award", true, "), and \"The Goldfinch\" (2013). Tartt won the WH Smith Literary Award for \"The Little Friend\" in 2003 an"),
        .init("hotpotqa", "p407", 514, "On My Mind", "On My Mind (Ellie Goulding song)", true, "rritories. The album spawned three singles: \"On My Mind\", \"Army\" and \"Something in the Way"),
        .init("hotpotqa", "p1227", 211, "Boston", "Boston, Lincolnshire", false, "ll (MLB). Since the franchise started as the Boston Red Stockings (no relationship to"),
        .init("musique", "p1266", 155, "Germany", "Germany", false, "weden – February 7, 1962 in Mindelheim, West Germany) was a German writer and translato"),
        .init("hotpotqa", "p1102", 370, "Fall", "The Fall (Camus novel)", false, "ment is the sixth-largest in Texas as of the Fall 2014 semester. The university shar"),
        .init("hotpotqa", "p2794", 297, "Seven Days Battles", "Seven Days Battles", true, "bert E. Lee followed up his successes of the Seven Days Battles in the Peninsula Campaign by movin"),
    ]

    @Test func linkPrecisionIsAtLeastNinetyFivePercent() throws {
        #expect(Self.fixture.count == 200)
        var before = (linked: 0, right: 0), after = (linked: 0, right: 0)
        var found = 0
        var wrong: [String] = [], missed: [String] = []
        let gold = Self.fixture.filter(\.correct).count
        for corpus in ["hotpotqa", "musique"] {
            let url = try #require(DataLocation.item("multihop/\(corpus)/corpus.jsonl"))
            var graph = KnowledgeGraph()
            graph.add(try CorpusReader.read(url))
            let titles = EntityMatcher(entities: graph.entities, candidates: Set(graph.titleEntity), includingAliases: true)
            let documentIndex = Dictionary(uniqueKeysWithValues: graph.documents.enumerated().map { ($1.id, $0) })
            for labelled in Self.fixture where labelled.corpus == corpus {
                // Offsets are into the document's text; a long document is cut into several passages.
                let document = try #require(documentIndex[labelled.passage])
                let entity = try #require(graph.entities.indices.first { graph.entities[$0].kind == .title && graph.entities[$0].name == CorpusReader.decodingEntities(labelled.title) })
                let offset = ScalarOffsets(graph.documents[document].text).utf8Offset(scalar: labelled.start)
                let passage = try #require(graph.passages.indices.first {
                    graph.passages[$0].document == document && graph.passages[$0].start <= offset && offset < graph.passages[$0].end
                })
                let text = graph.passages[passage].text
                let start = offset - graph.passages[passage].start
                let span = start..<(start + labelled.surface.utf8.count)
                #expect(String(decoding: Array(text.utf8)[span], as: UTF8.self) == labelled.surface, "\(labelled.passage): \(labelled.context)")
                found += 1
                if graph.links(span, in: passage, to: Int32(entity), titles: titles, checkingContext: false) {
                    before.linked += 1
                    if labelled.correct { before.right += 1 }
                }
                if graph.links(span, in: passage, to: Int32(entity), titles: titles, checkingContext: true) {
                    after.linked += 1
                    if labelled.correct { after.right += 1 } else {
                        let read = graph.mentions.filter { Int($0.passage) == passage && $0.entity == Int32(entity) && $0.sentence >= 0 }
                            .map { "\($0.start)-\($0.end)/\($0.sentence)" }
                        wrong.append("\(labelled.surface) → \(labelled.title) [\(span) read: \(read)]: \(labelled.context)")
                    }
                } else if labelled.correct {
                    missed.append("\(labelled.surface) → \(labelled.title): \(labelled.context)")
                }
            }
        }
        #expect(found == 200)
        let precision = Double(after.right) / Double(max(after.linked, 1))
        print("entity links on the 200-mention fixture: before P \(Double(before.right) / Double(max(before.linked, 1))) R \(Double(before.right) / Double(gold)); after P \(precision) R \(Double(after.right) / Double(gold))")
        #expect(precision >= 0.95, "wrong links:\n\(wrong.joined(separator: "\n"))")
        if !missed.isEmpty { print("missed links:\n" + missed.joined(separator: "\n")) }
        #expect(after.right >= before.right * 3 / 4, "context checks keep most right links")
    }
}
