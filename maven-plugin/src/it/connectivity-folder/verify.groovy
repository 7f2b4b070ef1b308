def txt = new File(basedir, 'target/connectivity/connectivity.txt').text
assert txt == '''0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : TCP 8080
shop/db[StatefulSet] => 0.0.0.0-255.255.255.255[External] : All Connections
shop/db[StatefulSet] => shop/web[Deployment] : TCP 8080
shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections
shop/web[Deployment] => shop/db[StatefulSet] : TCP 5432
'''
assert new File(basedir, 'target/connectivity/connectivity.md').text.contains('shop')
