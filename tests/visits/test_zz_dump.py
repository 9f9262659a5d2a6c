def test_dump(sample_person, client):
    for url in ["/visits/plan/?go=1&doc_id=7000001&date=2027-01-08&age_1=40&age_2=15&baby=on&medicine=on", "/visits/plan/?go=1&doc_id=7000001&date=2027-01-11&age_1=15"]:
        r = client.get(url)
        body = r.content.decode()
        start = body.index('<main')
        open("/tmp/dump%d.html" % len(url), "w").write(body[start:])
