def test_code_page_serves_the_seed_code(client, demo_catalog):
    response = client.get("/api/v1/codes/cpt/97550/")
    assert response.status_code == 200
    assert response.json()["descriptors"]["short"] == "CAREGIVER TRAING 1ST 30 MIN"
