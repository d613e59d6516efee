package dev.drillbit.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortAnswerMatcherTest {
    private final ShortAnswerMatcher matcher = new ShortAnswerMatcher();

    private static List<String> list(String cell) {
        return cell == null ? List.of() : Arrays.asList(cell.split(";"));
    }

    @DisplayName("typed answers against accept and reject lists")
    @ParameterizedTest(name = "[{index}] \"{0}\" vs accept {1} reject {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # given                         | accept                          | reject             | accepted
        # exact, case, space, punctuation
        idempotent                      | idempotent                      | -                  | true
        IDEMPOTENT                      | idempotent                      | -                  | true
        '   idempotent   '              | idempotent                      | -                  | true
        idempotent.                     | idempotent                      | -                  | true
        "idempotent!"                   | idempotent                      | -                  | true
        Idem-potent                     | idempotent                      | -                  | true
        round robin                     | round-robin                     | -                  | true
        round-robin                     | round robin                     | -                  | true
        roundrobin                      | round robin                     | -                  | true
        git rebase                      | git rebase                      | -                  | true
        Git   Rebase                    | git rebase                      | -                  | true
        c#                              | C#                              | -                  | true
        atomic                          | atomicity;atomic                | isolation          | true
        # small typos, in proportion to length
        idempotnet                      | idempotent                      | -                  | true
        idempotant                      | idempotent                      | -                  | true
        idmpotent                       | idempotent                      | -                  | true
        idempoten                       | idempotent                      | -                  | true
        memcahced                       | memcached                       | -                  | true
        normalisation                   | normalization                   | -                  | true
        kubernets                       | Kubernetes                      | -                  | true
        postgress                       | PostgreSQL;Postgres             | -                  | true
        referential integrety           | referential integrity           | -                  | true
        eventual consistancy            | eventual consistency            | -                  | true
        cache asside                    | cache-aside                     | -                  | true
        # too many typos for the length
        idmptnt                         | idempotent                      | -                  | false
        memory                          | memcached                       | -                  | false
        redis                           | memcached                       | -                  | false
        # short answers get no typo allowance
        PUT                             | PUT                             | POST               | true
        PUY                             | PUT                             | -                  | false
        TCP                             | TCP                             | UDP                | true
        UDP                             | TCP                             | UDP                | false
        TPC                             | TCP                             | -                  | false
        GET                             | GET                             | -                  | true
        SET                             | GET                             | -                  | false
        # numbers are never bent
        443                             | 443                             | 80                 | true
        443.                            | 443                             | -                  | true
        444                             | 443                             | -                  | false
        4433                            | 443                             | -                  | false
        80                              | 443                             | 80                 | false
        401                             | 401                             | 403                | true
        403                             | 401                             | 403                | false
        404                             | 401                             | -                  | false
        HTTP/2                          | HTTP/2                          | HTTP/1.1           | true
        http2                           | HTTP/2                          | -                  | true
        HTTP/3                          | HTTP/2                          | -                  | false
        HTTP/1.1                        | HTTP/2                          | HTTP/1.1           | false
        52.6                            | 52.6                            | -                  | true
        526                             | 52.6                            | -                  | false
        52                              | 52.6                            | -                  | false
        2^30                            | 2^30                            | -                  | true
        2^31                            | 2^30                            | -                  | false
        O(n log n)                      | O(n log n)                      | O(n^2)             | true
        o(nlogn)                        | O(n log n)                      | -                  | true
        O(n^2)                          | O(n log n)                      | O(n^2)             | false
        sha256                          | SHA-256                         | SHA-1              | true
        sha-255                         | SHA-256                         | -                  | false
        '1,000'                         | 1000                            | -                  | true
        '1,000,000,000'                 | 1000000000                      | -                  | true
        '2,5'                           | 2.5                             | -                  | true
        1.000                           | 1000                            | -                  | false
        '1,000'                         | 10000                           | -                  | false
        # near misses listed in reject win ties and closeness
        authorisation                   | authentication                  | authorization      | false
        authentification                | authentication                  | authorization      | true
        authorization                   | authentication                  | authorization      | false
        authorizaton                    | authentication                  | authorization      | false
        serializable                    | serializable                    | serialization      | true
        serialization                   | serializable                    | serialization      | false
        # generic filler around an accepted answer is accepted
        Vary header                     | Vary                            | -                  | true
        the Vary header                 | Vary                            | -                  | true
        The Vary header.                | Vary                            | -                  | true
        “Vary”                          | Vary                            | -                  | true
        ‘the Vary header’               | Vary                            | -                  | true
        the no-store directive          | no-store                        | no-cache           | true
        using a pepper                  | pepper                          | salt               | true
        via the index                   | index                           | -                  | true
        use Kahn’s algorithm            | Kahn's algorithm                | -                  | true
        Kahn’s                          | Kahn's algorithm                | -                  | true
        AAA pattern                     | Arrange-Act-Assert;AAA          | -                  | true
        parallel change pattern         | expand and contract;parallel change | -              | true
        the strategy pattern            | strategy                        | observer           | true
        HttpOnly flag                   | HttpOnly                        | Secure;SameSite    | true
        git bisect command              | git bisect                      | -                  | true
        --force-with-lease option       | --force-with-lease              | --force            | true
        the 404 status code             | 404                             | 401                | true
        404 status                      | 404                             | -                  | true
        Set-Cookie                      | Set-Cookie header               | Cookie             | true
        # ... while different answers stay refused
        ETag header                     | Vary                            | -                  | false
        no-cache directive              | no-store                        | no-cache           | false
        the no-cache directive.         | no-store                        | no-cache           | false
        with a salt                     | pepper                          | salt               | false
        Secure flag                     | HttpOnly                        | Secure;SameSite    | false
        observer pattern                | strategy pattern                | -                  | false
        the 401 status code             | 404                             | 401                | false
        405 status code                 | 404                             | -                  | false
        Cookie header                   | Set-Cookie header               | Cookie             | false
        git stash command               | git bisect                      | -                  | false
        # a filler word that belongs to the name still counts
        101 switching protocol          | 101;101 Switching Protocols     | 100;426            | true
        Observer                        | Observer pattern                | -                  | true
        SMTP protocol                   | SMTP;Simple Mail Transfer Protocol | -               | true
        # filler alone is not an answer, and is only filler as a word of its own
        header                          | Set-Cookie header               | -                  | false
        the header                      | Vary                            | -                  | false
        status code                     | status code                     | -                  | true
        Varyheader                      | Vary                            | -                  | false
        theVary                         | Vary                            | -                  | false
        # nothing given
        '   '                           | idempotent                      | -                  | false
        '...'                           | idempotent                      | -                  | false
        """)
    void matches(String given, String accept, String reject, boolean accepted) {
        assertThat(matcher.match(given, list(accept), list(reject)).accepted()).isEqualTo(accepted);
    }

    @org.junit.jupiter.api.Test
    void fillerIsNotASpellingMistake() {
        ShortAnswerMatcher.Match match = matcher.match("the Vary header.", List.of("Vary"), List.of());

        assertThat(match.accepted()).isTrue();
        assertThat(match.exact()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aTypoIsAcceptedAsTheSpellingItWasTakenFor() {
        ShortAnswerMatcher.Match match = matcher.match("memcahced", List.of("Memcached"), List.of());

        assertThat(match.accepted()).isTrue();
        assertThat(match.exact()).isFalse();
        assertThat(match.matched()).contains("Memcached");
    }
}
